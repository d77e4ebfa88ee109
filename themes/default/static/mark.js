// Marks the words of a search on the page a search result opened: the result's link
// carries the query as `?q=` (search.js), and every word here that the query matches,
// as the search matched it (terms.js: accents, case and word forms forgiven), is
// wrapped in <mark class="hit">. Text is only split and wrapped, never parsed as HTML.
(function () {
  "use strict";
  var T = window.DossierTerms;
  var main = document.getElementById("main");
  if (!T || !main || document.getElementById("search-page-form")) { return; }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (!T.words(query).length) { return; }
  var match = T.matcher(query, true);
  var nodes = [];
  var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
    acceptNode: function (n) {
      return n.parentNode.closest("script, style, mark, textarea, input") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  while (walker.nextNode()) { nodes.push(walker.currentNode); }
  var first = null, count = 0;
  nodes.forEach(function (node) {
    var text = node.nodeValue, re = new RegExp(T.WORD.source, "gu"), m, pos = 0, frag = null;
    while ((m = re.exec(text)) !== null && count < 2000) {
      if (!match(m[0])) { continue; }
      frag = frag || document.createDocumentFragment();
      frag.appendChild(document.createTextNode(text.slice(pos, m.index)));
      var mark = document.createElement("mark");
      mark.className = "hit";
      mark.textContent = m[0];
      frag.appendChild(mark);
      first = first || mark;
      count++;
      pos = m.index + m[0].length;
    }
    if (frag) {
      frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    }
  });
  // A link to a paragraph (#p12) scrolls there itself; otherwise show the first match.
  if (first && !window.location.hash) { first.scrollIntoView({ block: "center" }); }
}());
