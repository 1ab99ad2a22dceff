package render

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// foldStrings replaces, in every template of set, each call of t whose one
// argument is a constant, {{t "related"}} or (t "related"), by the string
// it gives: the site's strings are fixed for the renderer's life, and a
// call through reflection costs as much as the rest of such an action.
// A call that something is piped into is left to fail as it would.
func (r *Renderer) foldStrings(set *template.Template) {
	for _, tmpl := range set.Templates() {
		if tmpl.Tree != nil {
			foldNode(tmpl.Tree.Root, r.T)
		}
	}
}

func foldNode(n parse.Node, t func(string) string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				foldNode(c, t)
			}
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, t)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, t)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, t)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, t)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, t)
	}
}

func foldBranch(b *parse.BranchNode, t func(string) string) {
	foldPipe(b.Pipe, t)
	foldNode(b.List, t)
	foldNode(b.ElseList, t)
}

func foldPipe(p *parse.PipeNode, t func(string) string) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			if sub, ok := arg.(*parse.PipeNode); ok {
				foldPipe(sub, t)
			}
		}
	}
	// Only the first command: any other has the value before it as its
	// last argument.
	if len(p.Cmds) == 0 || len(p.Cmds[0].Args) != 2 {
		return
	}
	args := p.Cmds[0].Args
	fn, isIdent := args[0].(*parse.IdentifierNode)
	key, isString := args[1].(*parse.StringNode)
	if isIdent && isString && fn.Ident == "t" {
		s := t(key.Text)
		p.Cmds[0].Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: key.Pos, Quoted: strconv.Quote(s), Text: s}}
	}
}
