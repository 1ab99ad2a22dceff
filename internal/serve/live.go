package serve

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// heartbeat is how often an idle event stream sends a comment, so that a
// closed tab is noticed and proxies keep the stream open.
const heartbeat = 15 * time.Second

// events streams Server-Sent Events to one open page: "reload" when a good
// build finished after the build the page came from (the query parameter
// since), "broken" with the JSON list of errors when a build failed.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	since, err := strconv.Atoi(r.URL.Query().Get("since"))
	if err != nil {
		since = -1 // a page of unknown age: reload at the next good build
	}
	rc := http.NewResponseController(w)
	// A server's WriteTimeout would cut the stream; lift it for this one.
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && err != http.ErrNotSupported {
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	fmt.Fprint(w, "retry: 500\n\n")
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	shown := -1 // the build whose errors were sent
	for {
		st := s.state()
		switch {
		case since >= 0 && st.good > since:
			fmt.Fprint(w, "event: reload\ndata: \n\n")
			since = st.good
		case since < 0:
			since = st.good
		}
		if st.problems != nil && st.build != shown {
			data, _ := json.Marshal(st.problems)
			fmt.Fprintf(w, "event: broken\ndata: %s\n\n", data)
			shown = st.build
		}
		if rc.Flush() != nil {
			return
		}
		select {
		case <-st.changed:
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// injection is what goes before </body> of every HTML page served: the
// overlay of errors while the site is broken, and the live-reload script
// with the nonce of the page's policy.
func injection(st state, nonce string) string {
	var b strings.Builder
	if st.problems != nil {
		b.WriteString(overlayOpen)
		for _, p := range st.problems {
			b.WriteString("<li>")
			b.WriteString(html.EscapeString(p))
			b.WriteString("</li>")
		}
		b.WriteString(overlayClose)
	}
	fmt.Fprintf(&b, script, jsString(EventsPath), st.good, jsString(overlayOpen+overlayClose), nonce)
	return b.String()
}

// jsString returns s as a JavaScript string literal that is safe inside a
// <script> element: JSON with <, > and & escaped.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// overlayOpen and overlayClose wrap the list items of the errors.
const (
	overlayOpen = `<div id="thidua-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;` +
		`margin:0;padding:2rem;background:rgba(40,0,0,.94);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left">` +
		`<p style="margin:0 0 1rem;font-size:1.25rem;font-weight:bold">Trang web có lỗi · The site has errors</p>` +
		`<ol id="thidua-problems" style="margin:0 0 1rem;padding-left:1.5rem;white-space:pre-wrap">`
	overlayClose = `</ol><p style="margin:0;opacity:.8">Sửa tệp và lưu lại: trang sẽ tự tải lại. ` +
		`Fix the files and save: this page reloads by itself. Underneath is the last good build.</p></div>`
)

// script is the live-reload script, a format of the events path, the
// build the page came from, and the empty overlay, as JavaScript, and of
// its nonce. It listens to the event stream (window.thiduaEvents):
// "reload" reloads the page, "broken" shows the overlay.
const script = `<script nonce="%[4]s">(function(){` +
	`var es=window.thiduaEvents=new EventSource(%[1]s+"?since=%[2]d");` +
	`es.addEventListener("reload",function(){es.close();location.reload()});` +
	`es.addEventListener("broken",function(e){` +
	`var old=document.getElementById("thidua-overlay");if(old)old.remove();` +
	`var t=document.createElement("template");t.innerHTML=%[3]s;` +
	`var ol=t.content.querySelector("ol");` +
	`JSON.parse(e.data).forEach(function(p){var li=document.createElement("li");li.textContent=p;ol.appendChild(li)});` +
	`document.body.appendChild(t.content)});` +
	`})();</script>`
