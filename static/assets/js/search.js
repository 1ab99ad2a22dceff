// Search of the thidua site: reads the index that the build writes under
// tim-kiem/ and shows what matches as the visitor types. The folding, the
// terms and the ranking are those of the Go package internal/search.
(function () {
  "use strict";

  var WEIGHT_TITLE = 10, WEIGHT_SUMMARY = 3, WEIGHT_BODY = 1, BONUS_PHRASE = 20, BONUS_KEY = 100;
  var MAX_SHOWN = 50; // search.MaxShown

  // fold lower-cases s, strips its diacritics and turns đ into d.
  function fold(s) {
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  // terms folds s and returns its distinct words of letters and digits.
  function terms(s) {
    var out = [], seen = {};
    fold(s).split(/[^\p{L}\p{N}]+/u).forEach(function (w) {
      if (w !== "" && !seen[w]) {
        seen[w] = true;
        out.push(w);
      }
    });
    return out;
  }

  function shardKey(t) {
    return /^[a-z0-9]/.test(t) ? t.charAt(0) : "_";
  }

  function hasPrefix(words, t) {
    for (var i = 0; i < words.length; i++) {
      if (words[i].lastIndexOf(t, 0) === 0) return true;
    }
    return false;
  }

  // Searcher loads the index from base (the site's base path) and answers
  // queries with the matching documents, best first.
  function Searcher(base) {
    this.base = base;
    this.shards = {};
    this.index = fetchJSON(base + "tim-kiem/index.json").then(function (ix) {
      ix.docs.forEach(function (d) {
        d.titleTerms = terms([d.t].concat(d.n || []).join(" "));
        d.summaryTerms = terms(d.s || "");
        d.phraseTexts = [d.t].concat(d.n || []).map(function (name) { return terms(name).join(" "); });
        d.keyText = d.x ? terms(d.x).join(" ") : "";
      });
      return ix;
    });
  }

  function fetchJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  Searcher.prototype.shard = function (ix, key) {
    if (ix.shards.indexOf(key) < 0) return Promise.resolve({});
    if (!this.shards[key]) this.shards[key] = fetchJSON(this.base + "tim-kiem/body-" + key + ".json");
    return this.shards[key];
  };

  // bodyDocs is the set of documents whose body has a term starting with t.
  function bodyDocs(shard, t) {
    var out = {};
    Object.keys(shard).forEach(function (term) {
      if (term.lastIndexOf(t, 0) !== 0) return;
      var n = 0;
      shard[term].forEach(function (d) {
        n += d;
        out[n] = true;
      });
    });
    return out;
  }

  Searcher.prototype.search = function (query) {
    var self = this, ts = terms(query);
    if (ts.length === 0) return Promise.resolve([]);
    return this.index.then(function (ix) {
      return Promise.all(ts.map(function (t) { return self.shard(ix, shardKey(t)); })).then(function (shards) {
        var body = ts.map(function (t, i) { return bodyDocs(shards[i], t); });
        var phrase = ts.join(" "), hits = [];
        ix.docs.forEach(function (d, n) {
          var score = 0;
          for (var i = 0; i < ts.length; i++) {
            var w = hasPrefix(d.titleTerms, ts[i]) ? WEIGHT_TITLE
              : hasPrefix(d.summaryTerms, ts[i]) ? WEIGHT_SUMMARY
              : body[i][n] ? WEIGHT_BODY : 0;
            if (w === 0) return;
            score += w;
          }
          if (d.phraseTexts.some(function (p) { return p.indexOf(phrase) >= 0; })) score += BONUS_PHRASE;
          if (d.keyText !== "" && d.keyText === phrase) score += BONUS_KEY;
          hits.push({doc: d, n: n, score: score});
        });
        hits.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
        return hits;
      });
    });
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // show lists the first MAX_SHOWN hits grouped by kind, each group under
  // the label of its kind, the group of the best hit first.
  function show(root, results, hits, query) {
    var status = root.querySelector(".search-status");
    results.textContent = "";
    if (query.trim() === "") {
      status.textContent = "";
      return;
    }
    status.textContent = hits.length === 0 ? root.dataset.none : root.dataset.found.replace("%d", hits.length);
    var groups = {}, order = [];
    hits.slice(0, MAX_SHOWN).forEach(function (h) {
      var k = h.doc.k;
      if (!groups[k]) {
        var section = el("section", "search-group search-group-" + k);
        section.appendChild(el("h2", null, root.dataset["kind" + k.toUpperCase()]));
        groups[k] = section.appendChild(el("ol", null));
        order.push(section);
      }
      var li = el("li", "search-hit search-hit-" + k);
      var a = el("a", null, h.doc.t);
      a.href = root.dataset.base + h.doc.p;
      li.appendChild(a);
      if (h.doc.d) li.appendChild(el("span", "search-date", h.doc.d.split("-").reverse().join("/")));
      if (h.doc.s) li.appendChild(el("p", "search-summary", h.doc.s));
      groups[k].appendChild(li);
    });
    order.forEach(function (section) { results.appendChild(section); });
  }

  function start() {
    var root = document.getElementById("search");
    if (!root) return;
    var form = root.querySelector("form"), input = form.querySelector("input[name=q]");
    var results = root.querySelector(".search-results");
    var searcher = new Searcher(root.dataset.base);
    var latest = 0, timer = 0;
    root.hidden = false;
    function run() {
      var q = input.value, ticket = ++latest;
      var url = new URL(window.location.href);
      if (q.trim() === "") url.searchParams.delete("q"); else url.searchParams.set("q", q);
      window.history.replaceState(null, "", url);
      searcher.search(q).then(function (hits) {
        if (ticket === latest) show(root, results, hits, q);
      }, function (err) {
        if (ticket === latest) root.querySelector(".search-status").textContent = root.dataset.failed;
        console.error(err);
      });
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  window.thiduaSearch = {fold: fold, terms: terms, Searcher: Searcher};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
