/*
 * Material's header opens the menu and the search with <label> elements, which
 * a keyboard cannot reach and which may not take a button's role, so a keyboard
 * user on a narrow screen could not open the menu. This swaps each for a real
 * <button> with the same classes and `for` (which Material's CSS shows and hides
 * it by), named after what it opens (Material's own translated names) and saying
 * whether it is open. It also names the search dialog, which Material leaves
 * without a name (axe aria-dialog-name).
 *
 * It runs at once, before Material's own script (which theme-loader.js starts
 * later), and relies on Material 9.8.2's header markup: the label.md-header__button
 * elements with for="__drawer" and for="__search", the .md-nav--primary and
 * .md-search__input that name them, and .md-search[role=dialog];
 * tests/test_speed_features.py fails when an upgrade changes them.
 */
(function () {
  var search = document.querySelector(".md-search__input");
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && search) dialog.setAttribute("aria-label", search.getAttribute("aria-label"));

  var names = {
    __drawer: document.querySelector(".md-nav--primary"),
    __search: search
  };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    var target = names[label.htmlFor];
    if (!toggle || !target) return;
    var button = document.createElement("button");
    button.type = "button";
    Array.prototype.forEach.call(label.attributes, function (attribute) {
      button.setAttribute(attribute.name, attribute.value);
    });
    button.setAttribute("aria-label", target.getAttribute("aria-label"));
    button.append.apply(button, Array.prototype.slice.call(label.childNodes));
    label.replaceWith(button);
    var expanded = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    expanded();
    toggle.addEventListener("change", expanded);
    button.addEventListener("click", function () {
      toggle.click();
      // Opening search puts the cursor in the search box, as the label did.
      if (toggle.checked && target === search) search.focus();
    });
  });
})();
