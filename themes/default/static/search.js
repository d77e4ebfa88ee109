// Offline search for dossier sites. The index (search-index.js) is a script, so this
// works from file:// with no network. Results are built with DOM calls only: nothing
// from the index is ever parsed as HTML.
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH;
  var form = document.getElementById("search-page-form");
  var input = document.getElementById("search-page-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!index || !form || !input || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  var termList = Object.keys(index.terms).sort();

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
  }

  // Index terms matching a query word: the word itself, and as a prefix for the last word typed.
  function expand(word, prefix) {
    if (!prefix) { return index.terms[word] ? [word] : []; }
    var out = [];
    var lo = 0, hi = termList.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (termList[mid] < word) { lo = mid + 1; } else { hi = mid; } }
    for (var i = lo; i < termList.length && termList[i].lastIndexOf(word, 0) === 0 && out.length < 50; i++) { out.push(termList[i]); }
    return out;
  }

  function search(query) {
    var qs = words(query);
    if (!qs.length) { return { words: [], hits: [] }; }
    var n = index.docs.length;
    var scores = null;
    qs.forEach(function (q, qi) {
      var perDoc = {};
      expand(q, qi === qs.length - 1).forEach(function (term) {
        var postings = index.terms[term];
        var idf = Math.log(1 + n / (postings.length / 2));
        for (var i = 0; i < postings.length; i += 2) {
          var tf = postings[i + 1];
          perDoc[postings[i]] = (perDoc[postings[i]] || 0) + idf * tf / (tf + 1.2) * (term === q ? 1 : 0.7);
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
      var title = doc[0].toLowerCase();
      var bonus = qs.filter(function (q) { return title.indexOf(q) >= 0; }).length * 2;
      return { doc: doc, score: scores[d] + bonus };
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.doc[0] < b.doc[0] ? -1 : 1); });
    return { words: qs, hits: hits.slice(0, 50) };
  }

  // The best section of a document for the query, as [text, anchor].
  function bestSection(doc, qs) {
    var best = [doc[3], ""], bestCount = 0;
    doc[4].forEach(function (section) {
      var anchor = "";
      var sep = section.indexOf("\u0001");
      if (sep >= 0) { anchor = "#p" + section.slice(0, sep); section = section.slice(sep + 1); }
      var lower = section.toLowerCase();
      var count = qs.filter(function (q) { return lower.indexOf(q) >= 0; }).length;
      if (count > bestCount) { best = [section, anchor]; bestCount = count; }
    });
    return best;
  }

  // Appends `text` to `el` with every query word wrapped in <mark>, cut to a window.
  function snippet(el, text, qs) {
    var lower = text.toLowerCase();
    var first = -1;
    qs.forEach(function (q) { var i = lower.indexOf(q); if (i >= 0 && (first < 0 || i < first)) { first = i; } });
    var start = Math.max(0, first - 80), end = Math.min(text.length, start + 240);
    if (start > 0) { el.appendChild(document.createTextNode("…")); }
    var piece = text.slice(start, end), pl = piece.toLowerCase(), pos = 0;
    while (pos < piece.length) {
      var hit = -1, len = 0;
      qs.forEach(function (q) { var i = pl.indexOf(q, pos); if (i >= 0 && (hit < 0 || i < hit)) { hit = i; len = q.length; } });
      if (hit < 0) { el.appendChild(document.createTextNode(piece.slice(pos))); break; }
      el.appendChild(document.createTextNode(piece.slice(pos, hit)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(hit, hit + len);
      el.appendChild(mark);
      pos = hit + len;
    }
    if (end < text.length) { el.appendChild(document.createTextNode("…")); }
  }

  function render(query) {
    var result = search(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    result.hits.forEach(function (hit) {
      var doc = hit.doc;
      var section = bestSection(doc, result.words);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc[1] + section[1];
      a.textContent = doc[0];
      var kind = document.createElement("span");
      kind.className = "via";
      kind.textContent = " " + doc[2] + (section[1] ? " · ¶" + section[1].slice(2) : "");
      var p = document.createElement("p");
      p.className = "snippet";
      snippet(p, section[0], result.words);
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
