package schema

import (
	"maps"
	"slices"
)

// node is one schema object as it is encoded.
type node map[string]any

// with returns a copy of n with key set to v.
func (n node) with(key string, v any) node {
	out := maps.Clone(n)
	out[key] = v
	return out
}

// desc joins the Vietnamese and the English description of a field.
func desc(vi, en string) string { return vi + "\n\n" + en }

// idPattern is the identifier pattern of docs/format.md, "General rules".
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// datePattern is what the loader reads as a date: a day, a day and a time
// without a zone (in Vietnam's time), or RFC 3339 with a zone.
const datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?|T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$`

// urlPattern is what site.yaml's baseURL may be: an absolute http or
// https address with no query, fragment or user.
const urlPattern = `^https?://[^/?#@\s]+(/[^?#\s]*)?$`

// The years a file may speak of, as the loader checks them.
const (
	minYear = 1945
	maxYear = 2100
)

func text(vi, en string) node { return node{"type": "string", "description": desc(vi, en)} }

func ident(vi, en string) node {
	return node{"type": "string", "pattern": idPattern, "description": desc(vi, en)}
}

func integer(min int, vi, en string) node {
	return node{"type": "integer", "minimum": min, "description": desc(vi, en)}
}

func number(vi, en string) node { return node{"type": "number", "description": desc(vi, en)} }

func boolean(vi, en string) node { return node{"type": "boolean", "description": desc(vi, en)} }

func year(vi, en string) node {
	return node{"type": "integer", "minimum": minYear, "maximum": maxYear, "description": desc(vi, en)}
}

func date(vi, en string) node {
	return node{"type": "string", "pattern": datePattern, "description": desc(vi, en)}
}

func oneOf(values []string, vi, en string) node {
	enum := make([]any, len(values))
	for i, v := range values {
		enum[i] = v
	}
	return node{"type": "string", "enum": enum, "description": desc(vi, en)}
}

func list(items node, vi, en string) node {
	return node{"type": "array", "items": items, "description": desc(vi, en)}
}

// object is a map with exactly the given fields, of which required must be
// there and not empty. The loader reads an optional field left empty
// (`short:`) as absent, so each optional field also takes null, but for
// those that nullable leaves alone.
func object(vi, en string, required []string, fields map[string]node) node {
	props := node{}
	for name, f := range fields {
		if !slices.Contains(required, name) {
			f = nullable(f)
		}
		props[name] = f
	}
	n := node{"type": "object", "properties": props, "additionalProperties": false}
	if vi != "" {
		n["description"] = desc(vi, en)
	}
	if len(required) > 0 {
		n["required"] = required
	}
	return n
}

// nullable returns f also taking null, unless it is a list of values or
// names an identifier of the site: an editor would offer null among them.
func nullable(f node) node {
	t, ok := f["type"].(string)
	_, enum := f["enum"]
	_, id := f[refKey]
	if !ok || enum || id {
		return f
	}
	return f.with("type", []string{t, "null"})
}
