package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/thidua/thidua/internal/build"
	"github.com/thidua/thidua/internal/msg"
	"github.com/thidua/thidua/internal/serve"
	"github.com/thidua/thidua/internal/watch"
)

func runServe(args []string, e *env) int {
	fs := newFlags("serve", "thidua serve [-s DIR] [-p 1313] [--bind 127.0.0.1] [-b URL] [-D] [-d DIR] [--poll DURATION]", "about-serve", e)
	site := addSiteFlags(fs, "flag-drafts-build", e)
	port := fs.IntP("port", "p", 1313, e.text("flag-port"))
	bind := fs.String("bind", "127.0.0.1", e.text("flag-bind"))
	dest := fs.StringP("destination", "d", "", e.text("flag-destination-serve"))
	baseURL := fs.StringP("baseURL", "b", "", e.text("flag-base-url-serve"))
	poll := fs.Duration("poll", 0, e.text("flag-poll"))
	if code := parse(fs, args, e); code >= 0 {
		return code
	}
	if !noArgs(fs, e) {
		return exitUsage
	}
	if *port < 0 || *port > 65535 {
		e.complain("serve", "cli-bad-port", *port)
		return exitUsage
	}
	e.useSite(*site.source)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := site.options()
	opts.Destination, opts.BaseURL = *dest, *baseURL
	cfg := liveConfig{
		opts:   opts,
		addr:   net.JoinHostPort(*bind, strconv.Itoa(*port)),
		poll:   *poll,
		serve:  true,
		output: e,
	}
	if err := runLive(ctx, cfg, nil); err != nil {
		e.complain("serve", "cli-error", err)
		return exitSite
	}
	return exitOK
}

// liveConfig configures runLive.
type liveConfig struct {
	opts   build.Options // Destination "" means a temporary folder; when serving, only BaseURL's path counts
	addr   string        // host:port to serve on, when serve
	poll   time.Duration
	serve  bool
	output *env
}

// runLive builds the site, then watches its folder and rebuilds it on each
// change until ctx ends; with cfg.serve it serves it too, with live reload.
// ready, when not nil, is called with the site's URL (or the destination,
// when not serving) once the first build is done.
func runLive(ctx context.Context, cfg liveConfig, ready func(string)) error {
	e := cfg.output
	var ln net.Listener
	origin := ""
	if cfg.serve {
		var err error
		ln, err = net.Listen("tcp", cfg.addr)
		if err != nil {
			return fmt.Errorf("%s: %w", e.text("cli-cannot-serve", cfg.addr), err)
		}
		defer ln.Close()
		origin = "http://" + originHost(ln.Addr().(*net.TCPAddr))
	}
	if cfg.opts.Destination == "" {
		dest, remove, err := serveTemp(os.TempDir())
		if err != nil {
			return err
		}
		defer remove()
		cfg.opts.Destination = dest
	}
	w, err := watch.New(watch.Options{Root: cfg.opts.Source, Poll: cfg.poll})
	if err != nil {
		return err
	}
	defer w.Close()
	builderOrigin := origin
	if cfg.serve && cfg.opts.BaseURL != "" {
		cfg.opts.BaseURL, builderOrigin = previewBaseURL(origin, cfg.opts.BaseURL), ""
	}
	b, err := build.NewBuilder(cfg.opts, builderOrigin)
	if err != nil {
		return err
	}
	defer b.Close()
	l := &live{e: e, builder: b, source: cfg.opts.Source}
	if cfg.serve {
		l.server = serve.New(cfg.opts.Destination, "/")
	}
	l.rebuild(ctx, nil, false)

	var srv *http.Server
	where := cfg.opts.Destination
	if cfg.serve {
		srv = &http.Server{
			Handler:           serve.CheckHost(l.server, ln.Addr().(*net.TCPAddr)),
			ReadHeaderTimeout: 10 * time.Second,
			WriteTimeout:      time.Minute, // the event stream lifts it for itself
			IdleTimeout:       2 * time.Minute,
		}
		srv.RegisterOnShutdown(l.server.Close)
		served := make(chan error, 1)
		go func() { served <- srv.Serve(ln) }()
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			<-served
		}()
		where = origin + b.BasePath()
		e.say(e.stdout, "cli-serving", where)
	} else {
		e.say(e.stdout, "cli-watching", cfg.opts.Source)
	}
	if p := w.Polling(); p > 0 {
		e.say(e.stdout, "cli-polling", p)
	}
	if ready != nil {
		ready(where)
	}
	for {
		select {
		case <-ctx.Done():
			e.say(e.stdout, "cli-stopped")
			return nil
		case n := <-w.Notices():
			e.complain("", "cli-error", n)
			var limit *watch.LimitError
			if errors.As(n, &limit) {
				e.complain("", "cli-poll-instead", watch.DefaultPoll)
			}
		case batch := <-w.Batches():
			l.rebuild(ctx, batch.Paths, batch.Rescan)
		}
	}
}

// originHost is the host:port of a URL that reaches addr: "localhost" for
// an unspecified address such as 0.0.0.0.
func originHost(addr *net.TCPAddr) string {
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, strconv.Itoa(addr.Port))
}

// previewBaseURL is the base URL of a preview served at origin
// ("http://127.0.0.1:1313") of the site whose address is baseURL (-b): the
// origin with baseURL's path, as the preview of site.yaml's baseURL is. A
// baseURL that is no http or https address is returned as it is, for the
// build to say what is wrong with it.
func previewBaseURL(origin, baseURL string) string {
	u, err := url.Parse(baseURL)
	o, oerr := url.Parse(origin)
	if err != nil || oerr != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return baseURL
	}
	u.Scheme, u.Host = o.Scheme, o.Host
	return u.String()
}

// live is a build kept up to date with its site folder, and the server of
// it, if any.
type live struct {
	e       *env
	source  string // the site folder
	builder *build.Builder
	server  *serve.Server // nil when only building
}

// rebuild builds after the changes at paths and tells the terminal and
// the open pages how it went.
func (l *live) rebuild(ctx context.Context, paths []string, all bool) {
	e := l.e
	res, st, err := l.builder.Build(ctx, paths, all)
	printDiagnostics(e, l.source, res.Diagnostics)
	printForeign(e, l.builder.Destination(), res.Foreign)
	if err != nil {
		var problems []string
		if errors.Is(err, build.ErrSite) {
			for _, d := range res.Diagnostics {
				problems = append(problems, d.Format(e.lang))
			}
			e.complain("", "cli-rebuild-failed", counted(res.Diagnostics))
		} else {
			problems = append(problems, err.Error())
			e.complain("", "cli-error", err)
		}
		if l.server != nil {
			l.server.Broken(problems)
		}
		return
	}
	var how msg.Phrase
	switch {
	case st.Whole:
		how = msg.P("cli-rebuilt-whole", res.Pages, res.Files)
	case st.Removed > 0:
		how = msg.P("cli-rebuilt-removed", st.Rendered, res.Pages, st.Written, st.Removed)
	default:
		how = msg.P("cli-rebuilt-part", st.Rendered, res.Pages, st.Written)
	}
	e.say(e.stdout, "cli-rebuilt", res.Elapsed.Milliseconds(), how, changedList(paths))
	if l.server != nil {
		l.server.Good(l.builder.BasePath())
	}
}

// changedList says which paths changed: " after changes to content/news/a.md and 2 more".
func changedList(paths []string) any {
	switch len(paths) {
	case 0:
		return ""
	case 1:
		return msg.P("cli-after-change", paths[0])
	}
	return msg.P("cli-after-changes", paths[0], len(paths)-1)
}
