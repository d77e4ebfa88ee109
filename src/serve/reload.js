// Injected by `dossier serve` only: reloads the page when a rebuild finishes.
// The version this page was served at is in this script's own address (?v=N).
(function () {
  var served = new URL(document.currentScript.src).searchParams.get("v");
  function poll() {
    fetch("/__dossier/version", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v !== served) { location.reload(); } else { setTimeout(poll, 250); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 250);
})();
