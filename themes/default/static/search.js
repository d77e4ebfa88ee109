// Offline search for dossier sites. The index (search-index.js) is a script, so this
// works from file:// with no network. Results are built with DOM calls only: nothing
// from the index is ever parsed as HTML.
//
// Hand-written rather than a bundled library (MiniSearch, lunr): the index is built in
// Rust at build time as a plain inverted index (term -> [doc, count, ...]) that a page
// loads as a script, so nothing is indexed in the browser, the format can later be cut
// into shards by term prefix (for 50,000 sources) without a library's private format,
// and the folding and stemming are ours, written twice (terms.rs, terms.js) and tested
// against one table. MiniSearch or lunr would index in the browser on every load, or
// need their serialised format reproduced in Rust, and lunr's stemmer matched exactly.
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH;
  var T = window.DossierTerms;
  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-page-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!index || !T || !form || !input || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  var termList = Object.keys(index.terms).sort();

  // Index terms matching a (folded) query word: its stem, and for the last word typed,
  // terms it begins ("negotia" finds "negotiat").
  function expand(word, prefix) {
    var s = T.stem(word);
    var out = index.terms[s] ? [s] : [];
    if (!prefix) { return out; }
    var lo = 0, hi = termList.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (termList[mid] < word) { lo = mid + 1; } else { hi = mid; } }
    for (var i = lo; i < termList.length && termList[i].lastIndexOf(word, 0) === 0 && out.length < 50; i++) {
      if (termList[i] !== s) { out.push(termList[i]); }
    }
    return out;
  }

  function search(query) {
    var qs = T.words(query);
    if (!qs.length) { return { words: [], hits: [] }; }
    var n = index.docs.length;
    var scores = null;
    qs.forEach(function (q, qi) {
      var perDoc = {};
      var exact = T.stem(q);
      expand(q, qi === qs.length - 1).forEach(function (term) {
        var postings = index.terms[term];
        var idf = Math.log(1 + n / (postings.length / 2));
        for (var i = 0; i < postings.length; i += 2) {
          var tf = postings[i + 1];
          perDoc[postings[i]] = (perDoc[postings[i]] || 0) + idf * tf / (tf + 1.2) * (term === exact ? 1 : 0.7);
        }
      });
      // Every query word must match (AND); scores add up.
      var next = {};
      Object.keys(perDoc).forEach(function (d) {
        if (scores === null || scores[d] !== undefined) { next[d] = (scores === null ? 0 : scores[d]) + perDoc[d]; }
      });
      scores = next;
    });
    var hits = Object.keys(scores).map(function (d) {
      var doc = index.docs[d];
      var title = T.terms(doc[0]);
      var bonus = qs.filter(function (q) { return title.indexOf(T.stem(q)) >= 0; }).length * 2;
      return { doc: doc, score: scores[d] + bonus };
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.doc[0] < b.doc[0] ? -1 : 1); });
    return { words: qs, hits: hits.slice(0, 50) };
  }

  // Word-like runs of `text` with their places: [[word, start], ...].
  function runs(text) {
    var out = [], re = new RegExp(T.WORD.source, "gu"), m;
    while ((m = re.exec(text)) !== null) { out.push([m[0], m.index]); }
    return out;
  }

  // The best section of a document for the query (most query words found), as [text, anchor].
  function bestSection(doc, tests) {
    var best = [doc[3], ""], bestCount = 0;
    doc[4].forEach(function (section) {
      var anchor = "";
      var sep = section.indexOf("\u0001");
      if (sep >= 0) { anchor = "#p" + section.slice(0, sep); section = section.slice(sep + 1); }
      var ws = runs(section);
      var count = tests.filter(function (t) { return ws.some(function (w) { return t(w[0]); }); }).length;
      if (count > bestCount) { best = [section, anchor]; bestCount = count; }
    });
    return best;
  }

  // Appends `text` to `el` with every word the query matches wrapped in <mark>, cut to a window.
  function snippet(el, text, match) {
    var ws = runs(text), first = -1;
    for (var k = 0; k < ws.length; k++) { if (match(ws[k][0])) { first = ws[k][1]; break; } }
    var start = Math.max(0, first - 80), end = Math.min(text.length, start + 240);
    // Whole words at the cuts.
    while (start > 0 && /\S/.test(text[start - 1])) { start--; }
    while (end < text.length && /\S/.test(text[end])) { end++; }
    if (start > 0) { el.appendChild(document.createTextNode("…")); }
    var piece = text.slice(start, end), pos = 0;
    runs(piece).forEach(function (w) {
      if (!match(w[0])) { return; }
      el.appendChild(document.createTextNode(piece.slice(pos, w[1])));
      var mark = document.createElement("mark");
      mark.textContent = w[0];
      el.appendChild(mark);
      pos = w[1] + w[0].length;
    });
    el.appendChild(document.createTextNode(piece.slice(pos)));
    if (end < text.length) { el.appendChild(document.createTextNode("…")); }
  }

  function render(query) {
    var result = search(query);
    var last = result.words.length - 1;
    var tests = result.words.map(function (q, i) { return T.matcher(q, i === last); });
    var match = T.matcher(query, true);
    // The page opened marks the query's words too (mark.js reads `q`).
    var q = "?q=" + encodeURIComponent(query.trim());
    while (list.firstChild) { list.removeChild(list.firstChild); }
    result.hits.forEach(function (hit) {
      var doc = hit.doc;
      var section = bestSection(doc, tests);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc[1] + q + section[1];
      a.textContent = doc[0];
      var kind = document.createElement("span");
      kind.className = "via";
      kind.textContent = " " + doc[2] + (section[1] ? " · ¶" + section[1].slice(2) : "");
      var p = document.createElement("p");
      p.className = "snippet";
      snippet(p, section[0], match);
      li.appendChild(a); li.appendChild(kind); li.appendChild(p);
      list.appendChild(li);
    });
    status.textContent = query.trim() ? result.hits.length + (result.hits.length === 1 ? " result" : " results") + " for “" + query.trim() + "”" : "";
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); render(input.value); });
  input.addEventListener("input", function () { render(input.value); });
  // Arrow keys move between the box and the results.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement !== input && at < 0) { return; }
    e.preventDefault();
    if (e.key === "ArrowDown") { (links[at + 1] || links[0] || input).focus(); }
    else if (at <= 0) { input.focus(); } else { links[at - 1].focus(); }
  });
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  if (q) { render(q); }
  input.focus();
}());
