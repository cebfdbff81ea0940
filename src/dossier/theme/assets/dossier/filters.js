// Timeline filters (the timeline's overview page only): progressive enhancement. Without JavaScript a <noscript> style hides the form and the
// full list shows. With it, the controls narrow the list, announce the count, and keep their
// state in the URL (?tag=&person=&year=) so a filtered view can be shared. The form's own action (GET to
// this page) writes the same query, which this script reads on load.
(function () {
  "use strict";
  var form = document.getElementById("dossier-filters");
  if (!form) return;
  var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.dossier-year"));
  var count = document.getElementById("dossier-count");
  var gaps = Array.prototype.slice.call(document.querySelectorAll(".dossier-gap"));
  var bars = Array.prototype.slice.call(document.querySelectorAll(".dossier-rail g[data-month]"));
  // The overview filters by year too; a year's page (on a large record) by tag and person only.
  var fields = ["tag", "person", "year"].filter(function (f) { return form.elements[f]; });

  function state() {
    var s = {};
    fields.forEach(function (f) { s[f] = form.elements[f].value; });
    return s;
  }

  function apply(pushUrl) {
    var s = state();
    var shown = 0;
    events.forEach(function (el) {
      var ok = (!s.tag || el.dataset.tags.split(" ").indexOf(s.tag) >= 0) &&
               (!s.person || el.dataset.people.split(" ").indexOf(s.person) >= 0) &&
               (!s.year || el.dataset.year === s.year);
      el.hidden = !ok;
      if (ok) shown += 1;
    });
    sections.forEach(function (sec) {
      sec.hidden = !sec.querySelector(".dossier-event:not([hidden])");
    });
    // The rail follows: each month's bar is redrawn with the events shown, over its whole count.
    var shownPerMonth = {};
    events.forEach(function (el) {
      if (!el.hidden && el.dataset.month) shownPerMonth[el.dataset.month] = (shownPerMonth[el.dataset.month] || 0) + 1;
    });
    bars.forEach(function (g) {
      var total = g.querySelector(".dossier-rail__total"), bar = g.querySelector(".dossier-rail__bar");
      var full = parseFloat(total.getAttribute("height")), bottom = parseFloat(total.getAttribute("y")) + full;
      var h = full * (shownPerMonth[g.dataset.month] || 0) / parseInt(g.dataset.count, 10);
      bar.setAttribute("height", String(h));
      bar.setAttribute("y", String(bottom - h));
    });
    // A note on a silence in the record is true of the whole record only, not of a filtered view.
    var filtered = Boolean(s.tag || s.person || s.year);
    gaps.forEach(function (g) { g.hidden = filtered; });
    // The sentence comes from the page (the catalogue), e.g. "{shown} of {total} events match."
    count.textContent = (form.dataset.countTemplate || "{shown} / {total}")
      .replace("{shown}", String(shown)).replace("{total}", String(events.length));
    if (pushUrl) {
      var params = new URLSearchParams();
      fields.forEach(function (f) { if (s[f]) params.set(f, s[f]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (f) {
    var value = params.get(f);
    var select = form.elements[f];
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  // The submit button applies the choice too (a keyboard user's explicit action); the page is not reloaded.
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
  apply(false);

  // A deep link to an event that the filters would hide shows it anyway.
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.hidden) { form.reset(); apply(true); }  // now, not after the reset event: then scroll
  if (target) { target.scrollIntoView(); target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
})();
