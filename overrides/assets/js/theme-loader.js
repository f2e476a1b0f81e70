/*
 * Material's own script is not run while the page loads: on a phone it was the
 * longest main-thread task of every page (make bench, .bench/results.md).
 * overrides/main.html leaves its <script> tags in the page unrun, as
 * data-oss-src; this runs them at the reader's first scroll, key, tap, click
 * or focus other than on a link, or at once when the address asks for search
 * (Material's ?q= deep link and the ?h= highlight that a search result opens).
 *
 * Until then, it does at once the little that readers use before anything
 * else, as Material 9.8.2 does it (read in its source; the names it relies on
 * are checked by tests/test_speed_features.py, which fails on an upgrade that
 * changes them):
 * - shows the search button and box, which Material's CSS hides under html.no-js;
 * - the colour toggle: sets the chosen palette input's colours on <body>, shows
 *   the other toggle, and keeps the choice under Material's own "__palette"
 *   key (read and written with Material's __md_get and __md_set), so Material
 *   carries on from it;
 * - opens search when the search box gets focus or on Material's keys f, s and
 *   /; what is typed waits in the box until Material's search, once its index
 *   is ready, reads it, so no keystroke is lost;
 * - Material's other keys: Escape closes search, p or , and n or . go to the
 *   previous and next page, Enter on a navigation label opens its section.
 */
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var pending = Array.prototype.slice.call(document.querySelectorAll("script[data-oss-src]"));
  var triggers = ["scroll", "keydown", "pointerdown", "focusin"];
  var started = false;

  // Material's script defines window.component$ once it has set up its own
  // handlers; from then on the handlers below leave everything to it.
  function ready() {
    return "component$" in window;
  }

  function start(event) {
    // A link leaves the page (or moves within it, which scrolls): no need yet.
    var target = event && event.target;
    if (started || (target instanceof Element && target.closest("a[href]"))) return;
    started = true;
    triggers.forEach(function (type) { window.removeEventListener(type, start, true); });
    (function next() {
      var original = pending.shift();
      if (!original) {
        // Material mounts its page components on DOMContentLoaded, which has passed.
        document.dispatchEvent(new Event("DOMContentLoaded"));
        return;
      }
      var script = document.createElement("script");
      script.src = original.getAttribute("data-oss-src");
      script.onload = next;
      document.body.appendChild(script);
    })();
  }

  triggers.forEach(function (type) {
    window.addEventListener(type, start, { capture: true, passive: true });
  });
  if (/[?&][qh]=/.test(location.search)) start();

  // The colour toggle, as Material's palette component does it.
  var form = document.querySelector("[data-md-component=palette]");
  var inputs = form ? Array.prototype.slice.call(form.querySelectorAll("input")) : [];
  var current = -1;

  function applyPalette(index) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (other, i) {
      var label = other.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    current = index;
    return color;
  }

  if (inputs.length) {
    var stored = __md_get("__palette");
    var index = stored ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    applyPalette(Math.max(0, Math.min(index, inputs.length - 1)));
    inputs.forEach(function (input, i) {
      input.addEventListener("change", function () {
        if (!ready()) __md_set("__palette", { index: i, color: applyPalette(i) });
      });
    });
    form.addEventListener("keydown", function (event) {
      if (ready() || event.key !== "Enter") return;
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
  }

  // Search and Material's keys.
  var toggle = document.getElementById("__search");
  var query = document.querySelector(".md-search__input");

  function setSearch(open) {
    if (toggle && toggle.checked !== open) toggle.click();
  }

  if (query) {
    query.addEventListener("focus", function () {
      if (!ready()) setSearch(true);
    });
  }

  // What Material treats as typing rather than a shortcut.
  function typing(el) {
    if (el instanceof HTMLInputElement) return el.type !== "radio";
    return el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || el.isContentEditable;
  }

  function go(rel) {
    var link = document.querySelector("link[rel=" + rel + "]");
    if (link) location.href = link.href;
  }

  window.addEventListener("keydown", function (event) {
    if (ready() || !query || event.metaKey || event.ctrlKey) return;
    var active = document.activeElement;
    if (toggle && toggle.checked) {
      if (event.key === "Escape") {
        setSearch(false);
        query.blur();
      } else if (active !== query && event.key.length === 1) {
        // The key lands in the search box, as Material hands it on.
        query.focus();
      }
      return;
    }
    if (active && typing(active)) return;
    switch (event.key) {
      case "f":
      case "s":
      case "/":
        setSearch(true);
        query.focus();
        event.preventDefault();
        break;
      case "p":
      case ",":
        go("prev");
        break;
      case "n":
      case ".":
        go("next");
        break;
      case "Enter":
        if (active instanceof HTMLLabelElement) active.click();
    }
  });
})();
