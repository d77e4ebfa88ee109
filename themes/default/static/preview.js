// Link previews: pointing at or keyboard-focusing a link to an item page (a pillar,
// question, actor, event, figure or source) shows the item's kind, title, a line of
// facts and its summary; Escape, moving away or scrolling the link away closes it. The words come
// from static/preview-data.js (written by the build, keyed by the page's address from
// the site root), loaded as a script the first time a reader reaches for a link: no
// fetch, so it works from file:// too. Text is set with textContent, never parsed as
// HTML. The box is placed inside the viewport: clamped left and right, and above the
// link when there is no room below (a 360 px phone included).
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src) { return; }
  var root = me.src.replace(/static\/preview\.js(\?.*)?$/, "");
  var ITEM = /^(pillars|questions|actors|events|figures|sources)\/[^/?#]+\.html$/;
  var here = key(window.location.href);
  var data = null, loading = false, pending = null, shown = null, box = null;

  // The page a link opens, from the site root ("actors/x.html"), or null.
  function key(href) {
    if (href.lastIndexOf(root, 0) !== 0) { return null; }
    var k = href.slice(root.length).split("#")[0].split("?")[0];
    return ITEM.test(k) && k.slice(-11) !== "/index.html" ? k : null;
  }

  // A link's address, absolute; an SVG link (the map's nodes) keeps it in href.baseVal.
  function hrefOf(a) {
    if (typeof a.href === "string") { return a.href; }
    try { return new URL(a.getAttribute("href"), window.location.href).href; } catch (e) { return ""; }
  }

  // A link that can have a preview: to another item page, not a citation (those show
  // the cited paragraph themselves, see .cite-wrap in style.css).
  function linkOf(node) {
    var a = node && node.closest ? node.closest("a[href]") : null;
    if (!a || a.closest(".cite-wrap, .link-preview")) { return null; }
    var k = key(hrefOf(a));
    return k && k !== here ? a : null;
  }

  function load() {
    if (loading) { return; }
    loading = true;
    var s = document.createElement("script");
    s.src = root + "static/preview-data.js";
    s.onload = function () {
      data = window.DossierPreviews || {};
      if (pending) { show(pending.a, pending.at); }
    };
    document.head.appendChild(s);
  }

  function make() {
    box = document.createElement("div");
    box.className = "link-preview";
    box.id = "link-preview";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    document.body.appendChild(box);
  }

  function line(tag, cls, text) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = text;
    return el;
  }

  function show(a, at) {
    pending = { a: a, at: at };
    if (!data) { load(); return; }
    var p = data[key(hrefOf(a))];
    if (!p) { return; }
    if (!box) { make(); }
    hide();
    // The preview says what the link's tooltip said, and more: one box, not two.
    a.removeAttribute("title");
    box.textContent = "";
    box.appendChild(line("p", "lp-kind", p[2] ? p[1] + " · " + p[2] : p[1]));
    box.appendChild(line("p", "lp-title", p[0]));
    if (p[3]) { box.appendChild(line("p", "lp-summary", p[3])); }
    a.setAttribute("aria-describedby", "link-preview");
    shown = a;
    place(a, at);
  }

  function hide() {
    if (box) { box.hidden = true; }
    if (shown) { shown.removeAttribute("aria-describedby"); }
    shown = null;
  }

  // Below the link's line (the line the pointer is on), else above it; never past an edge.
  function place(a, at) {
    var rects = a.getClientRects(), r = rects[0];
    for (var i = 0; at && i < rects.length; i++) {
      if (at.y >= rects[i].top && at.y <= rects[i].bottom) { r = rects[i]; }
    }
    if (!r) { return; }
    var margin = 8, gap = 6;
    var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    box.style.left = "0px";
    box.style.top = "0px";
    box.style.maxWidth = (vw - 2 * margin) + "px";
    box.hidden = false;
    var w = box.offsetWidth, h = box.offsetHeight;
    var left = Math.max(margin, Math.min(r.left, vw - w - margin));
    var top = r.bottom + gap;
    if (top + h > vh - margin) {
      top = r.top - h - gap >= margin ? r.top - h - gap : Math.max(margin, vh - h - margin);
    }
    box.style.left = left + "px";
    box.style.top = top + "px";
  }

  document.addEventListener("mouseover", function (e) {
    var a = linkOf(e.target);
    if (a && a !== shown) { show(a, { x: e.clientX, y: e.clientY }); }
  });
  document.addEventListener("mouseout", function (e) {
    var a = linkOf(e.target);
    if (a && !(e.relatedTarget && a.contains(e.relatedTarget)) && document.activeElement !== a) {
      pending = null;
      hide();
    }
  });
  document.addEventListener("focusin", function (e) {
    var a = linkOf(e.target);
    if (a) { show(a, null); } else { pending = null; hide(); }
  });
  document.addEventListener("focusout", function () { pending = null; hide(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && shown) { pending = null; hide(); }
  });
  // The box is fixed to the viewport, so it moves with its link.
  // Focusing a link scrolls it into view: follow it, and close once it has left the screen.
  window.addEventListener("scroll", function () {
    if (!shown) { return; }
    var r = shown.getBoundingClientRect();
    if (r.bottom < 0 || r.top > document.documentElement.clientHeight) { pending = null; hide(); } else { place(shown, null); }
  }, { passive: true });
  window.addEventListener("resize", function () { pending = null; hide(); });
}());
