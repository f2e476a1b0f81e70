/*
 * Material's header opens the menu and the search with <label> elements, which
 * a keyboard cannot reach, so a keyboard user on a narrow screen could not open
 * the menu. This turns each into a button: focusable, named after what it
 * opens (Material's own translated names), and saying whether it is open.
 * Material already clicks a focused label on Enter; Space is added here, as
 * for any button.
 */
document$.subscribe(function () {
  var names = {
    __drawer: document.querySelector(".md-nav--primary"),
    __search: document.querySelector(".md-search__input")
  };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    var target = names[label.htmlFor];
    if (!toggle || !target || label.hasAttribute("role")) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", target.getAttribute("aria-label"));
    var expanded = function () { label.setAttribute("aria-expanded", String(toggle.checked)); };
    expanded();
    toggle.addEventListener("change", expanded);
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });
});
