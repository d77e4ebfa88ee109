// The words of a search, folded and stemmed exactly as the index was built
// (src/outputs/search/terms.rs): both are checked against tests/search_terms.txt.
// Used by search.js (the search page) and mark.js (matches marked on the page a result
// opens). Sets window.DossierTerms; loads in Node too, for the table's test.
(function (root) {
  "use strict";
  var SPELT = { "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ς": "σ", "\u02BC": "'" };

  // Lowercase, accents dropped: "Türkiye" and "TURKIYE" both read "turkiye".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[øłđðıßæœþς\u02BC]/g, function (c) { return SPELT[c]; });
  }

  function len(w) { return Array.from(w).length; }
  function isVowel(c) { return "aeiouy".indexOf(c) >= 0 && c !== ""; }
  // `w` without `suffix` if at least `min` letters are left, else null.
  function strip(w, suffix, min) {
    if (w.length < suffix.length || w.slice(w.length - suffix.length) !== suffix) { return null; }
    var rest = w.slice(0, w.length - suffix.length);
    return len(rest) >= min ? rest : null;
  }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }

  // Case endings of Ukrainian (and common Russian ones), folded, longest first: the
  // same list as terms.rs CYRILLIC_ENDINGS.
  var CYRILLIC_ENDINGS = ["ями", "ами", "ові", "еві", "ого", "ому", "ими", "іми", "ою", "ею", "ом", "ем", "ам", "ям",
    "ах", "ях", "ів", "им", "ім", "ии", "іи", "ои", "оі", "ая", "ое", "ые", "ых", "ым", "а", "я", "у", "ю", "о", "е",
    "і", "и", "ь", "ы"];

  // A small English suffix stripper, rule for rule the same as terms.rs `stem`; a
  // Cyrillic word loses one case ending where four letters stay.
  function stem(word) {
    if (len(word) < 4 || /\p{N}/u.test(word)) { return word; }
    if (/^[\u0400-\u04FF]/.test(word)) {
      for (var i = 0; i < CYRILLIC_ENDINGS.length; i++) {
        var cut = strip(word, CYRILLIC_ENDINGS[i], 4);
        if (cut !== null) { return cut; }
      }
      return word;
    }
    var w = word, rest;
    if (ends(w, "sses")) { w = w.slice(0, -2); }
    else if ((rest = strip(w, "ies", 2)) !== null) { w = rest + "i"; }
    else if (ends(w, "s") && !(ends(w, "ss") || ends(w, "us") || ends(w, "is"))) { w = w.slice(0, -1); }

    if ((rest = strip(w, "eed", 2)) !== null) { w = rest + "ee"; }
    else {
      rest = strip(w, "ed", 3);
      if (rest === null) { rest = strip(w, "ing", 3); }
      if (rest !== null && /[aeiouy]/.test(rest)) {
        var r = Array.from(rest), n = r.length;
        if (n >= 4 && r[n - 1] === r[n - 2] && "bcdfghjkmnpqrtvwx".indexOf(r[n - 1]) >= 0) { r.pop(); }
        w = r.join("");
      }
    }

    if ((rest = strip(w, "ification", 2)) !== null) { w = rest + "ifi"; }
    else {
      rest = strip(w, "ment", 4);
      if (rest === null) { rest = strip(w, "ion", 4); }
      if (rest !== null) { w = rest; }
    }

    var chars = Array.from(w), m = chars.length;
    if (m >= 4 && chars[m - 1] === "e") { w = chars.slice(0, -1).join(""); }
    else if (m >= 3 && chars[m - 1] === "y" && !isVowel(chars[m - 2])) { w = chars.slice(0, -1).join("") + "i"; }
    return w;
  }

  // The folded words of a text, two letters or digits or more (Rust's is_alphanumeric
  // is Unicode Alphabetic or Numeric, so the split is the same).
  function words(text) {
    return fold(text).split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) { return len(w) >= 2; });
  }

  function terms(text) { return words(text).map(stem); }

  // A test for the words of a page or snippet that a query matches: same stem as a
  // query word, or (`prefix`) starting with the last word, which may be half typed.
  function matcher(query, prefix) {
    var qs = words(query), stems = {}, last = qs.length ? qs[qs.length - 1] : null;
    qs.forEach(function (q) { stems[stem(q)] = true; });
    return function (word) {
      var f = fold(word);
      return stems[stem(f)] === true || (prefix && last !== null && f.lastIndexOf(last, 0) === 0);
    };
  }

  // Word-like runs of a text, accents included, for finding matches in place.
  var WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;

  root.DossierTerms = { fold: fold, stem: stem, words: words, terms: terms, matcher: matcher, WORD: WORD };
}(typeof window !== "undefined" ? window : globalThis));
