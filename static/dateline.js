/*
 * Dateline's pages, enhanced: every page works without this file; with it, the filters fold away on
 * phones, dates can be picked on a calendar, errors mark their fields, "Where this comes from" opens
 * and closes in place, and j / k move between events.
 *
 * Loaded in <head> without `defer`, so that the `js` class is set before the page is drawn; everything
 * else waits for the document.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var NARROW = window.matchMedia("(max-width: 59.99rem)");

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  /* The filters: open beside the results on wide screens, folded above them on phones (unless a field
     needs attention), so that the results are above the fold. */
  function fitFiltersPanel() {
    var panel = document.getElementById("filters-panel");
    if (!panel) return;
    var needsAttention = panel.querySelector(".field-error:not(:empty)");
    panel.open = !NARROW.matches || Boolean(needsAttention);
  }

  /* A field is invalid while the error slot its aria-describedby names holds a message. */
  function markInvalidFields() {
    document.querySelectorAll(".field-error").forEach(function (slot) {
      var invalid = slot.textContent.trim() !== "";
      document.querySelectorAll('input[aria-describedby~="' + slot.id + '"], select[aria-describedby~="' + slot.id + '"]')
        .forEach(function (control) {
          if (invalid) {
            control.setAttribute("aria-invalid", "true");
          } else {
            control.removeAttribute("aria-invalid");
          }
        });
    });
  }

  /* Calendar buttons: the text field keeps accepting 2019 and 2019-04; the calendar fills in a day. */
  function openPicker(button) {
    var field = document.getElementById(button.getAttribute("data-picker-for"));
    var picker = document.querySelector('[data-fills="' + field.id + '"]');
    var value = field.value.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) picker.value = value;
    else if (/^\d{4}-\d{2}$/.test(value)) picker.value = value + "-01";
    else if (/^\d{4}$/.test(value)) picker.value = value + "-01-01";
    try {
      picker.showPicker();
    } catch (error) {
      picker.focus();
    }
  }

  function pickedDate(picker) {
    var field = document.getElementById(picker.getAttribute("data-fills"));
    if (!picker.value || !field) return;
    field.value = picker.value;
    field.focus();
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /* "Where this comes from": loaded once by htmx, then opened and closed in place. */
  function setExpanded(link, region, open) {
    region.hidden = !open;
    link.setAttribute("aria-expanded", String(open));
  }

  function provenanceParts(element) {
    var link = element.closest && element.closest(".provenance-link");
    if (!link) return null;
    return { link: link, region: document.getElementById(link.getAttribute("aria-controls")) };
  }

  /* j / k: the next or previous event; o: open or close where it comes from; on an event page j / k
     follow the later / earlier links and u goes back to the timeline. */
  function currentEvent(events) {
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".event");
    if (focused) return events.indexOf(focused);
    return -1;
  }

  function focusEvent(item) {
    var link = item.querySelector(".headline a");
    if (!link) return;
    link.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, select, textarea, button, [contenteditable], .axis-canvas")) return;
    var events = Array.prototype.slice.call(document.querySelectorAll("#results .event"));
    if (events.length) {
      var index = currentEvent(events);
      if (event.key === "j") {
        focusEvent(events[Math.min(index + 1, events.length - 1)]);
        event.preventDefault();
      } else if (event.key === "k") {
        focusEvent(events[Math.max(index - 1, 0)]);
        event.preventDefault();
      } else if (event.key === "o" && index >= 0) {
        events[index].querySelector(".provenance-link").click();
        event.preventDefault();
      }
      return;
    }
    var selectors = { j: 'a[rel="next"]', k: 'a[rel="prev"]', u: ".crumbs a" };
    var link = selectors[event.key] && document.querySelector("main " + selectors[event.key]);
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  }

  ready(function () {
    fitFiltersPanel();
    markInvalidFields();
    if (NARROW.addEventListener) NARROW.addEventListener("change", fitFiltersPanel);

    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-picker-for]");
      if (button) openPicker(button);
    });
    // Captured before htmx sees it: the picker itself is no filter, the field it fills is.
    document.addEventListener("change", function (event) {
      if (event.target.matches && event.target.matches("[data-fills]")) {
        event.stopPropagation();
        pickedDate(event.target);
      }
    }, true);

    document.addEventListener("htmx:confirm", function (event) {
      var parts = provenanceParts(event.target);
      if (parts && parts.region && parts.region.hasAttribute("data-loaded")) {
        event.preventDefault();
        setExpanded(parts.link, parts.region, parts.region.hidden);
      }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      var target = event.detail.target;
      if (target && target.classList && target.classList.contains("provenance")) {
        target.setAttribute("data-loaded", "");
        var link = document.querySelector('[aria-controls="' + target.id + '"]');
        if (link) setExpanded(link, target, true);
      }
      if (target && target.id === "results" && (document.activeElement === document.body || !document.activeElement)) {
        // The link that asked for another page is gone with the old results: continue from the new ones.
        var heading = document.getElementById("results-heading");
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
      markInvalidFields();
    });
    document.body.addEventListener("htmx:oobAfterSwap", markInvalidFields);
    document.body.addEventListener("htmx:afterOnLoad", function () {
      markInvalidFields();
      var panel = document.getElementById("filters-panel");
      if (panel && panel.querySelector(".field-error:not(:empty)")) panel.open = true;
    });
    document.addEventListener("keydown", onKey);
  });
})();
