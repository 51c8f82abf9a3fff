/*
 * The zoomable time axis above the list, drawn by vis-timeline (static/vendor/vis-timeline) from
 * /axis.json with the page's filters: a day is a point, a week, a month or a year a range of that
 * length. It opens on the busiest stretch, zooms from centuries to hours, can show one lane per
 * source, and choosing an event scrolls to it in the list (loading its page) and opens where it comes
 * from. The list below stays the accessible view of the same events; this is a pointer's view of it.
 *
 * window.datelineAxis reports how long the first drawing took, for benchmarks/axis_first_render.py.
 */
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var YEAR = 365.25 * DAY;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // "2019-04-24" as local midnight: vis draws in local time, and a day must not slide into the one before.
  function day(iso) {
    var parts = iso.split("-").map(Number);
    var date = new Date(2000, parts[1] - 1, parts[2]);
    date.setFullYear(parts[0]);
    return date;
  }

  function span(item) {
    return item.end ? item.end - item.start : 0;
  }

  function label(date) {
    return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  function start() {
    var container = document.getElementById("axis");
    var results = document.getElementById("results");
    if (!container || !results || !window.vis) return;
    var figure = document.getElementById("axis-figure");
    var status = document.getElementById("axis-status");
    var lanesButton = figure.querySelector('[data-axis="lanes"]');
    var items = new vis.DataSet();
    var groups = new vis.DataSet();
    var data = null;
    var source = null;
    var lanes = false;
    var timeline = null;
    var report = (window.datelineAxis = { started: performance.now() });

    function toItems() {
      var rows = [];
      data.events.forEach(function (row) {
        var id = row[0], first = day(row[1]), last = day(row[2]), granularity = row[3], title = row[4];
        var point = granularity === "day";
        var when = point ? label(first) : label(first) + " – " + label(last);
        var item = {
          content: escapeHtml(title),
          title: "<strong>" + escapeHtml(when) + "</strong><br>" + escapeHtml(title),
          className: "precision-" + granularity,
          type: point ? "point" : "range",
          start: first,
          event: id,
        };
        if (!point) item.end = new Date(last.getTime() + DAY);
        if (lanes) {
          (row[5].length ? row[5] : [-1]).forEach(function (lane) {
            rows.push(Object.assign({}, item, { id: id + ":" + lane, group: lane }));
          });
        } else {
          rows.push(Object.assign({}, item, { id: id }));
        }
      });
      return rows;
    }

    function frame() {
      if (data.window) {
        timeline.setWindow(day(data.window[0]), day(data.window[1]), { animation: false });
      } else {
        timeline.fit({ animation: false });
      }
    }

    function bounds() {
      if (!data.events.length) return {};
      var first = Infinity, last = -Infinity;
      data.events.forEach(function (row) {
        first = Math.min(first, day(row[1]).getTime());
        last = Math.max(last, day(row[2]).getTime() + DAY);
      });
      var margin = Math.max((last - first) * 0.05, 30 * DAY);
      return { min: new Date(first - margin), max: new Date(last + margin) };
    }

    function draw() {
      items.clear();
      groups.clear();
      groups.add(data.sources.map(function (s, index) { return { id: index, content: escapeHtml(s.name) }; }));
      groups.add({ id: -1, content: "Unknown source" });
      items.add(toItems());
      var limits = bounds();
      var shown = data.window ? { start: day(data.window[0]), end: day(data.window[1]) } : {};
      if (!timeline) {
        // Created with its data, limits and window: vis then draws once, without fitting every item first.
        create(Object.assign({}, limits, shown));
      } else {
        timeline.setOptions({ min: limits.min, max: limits.max });
        timeline.setGroups(lanes ? groups : null);
        frame();
      }
      var count = data.count;
      status.textContent = count ? count + " event" + (count === 1 ? "" : "s") + " on the axis." : "No event to draw.";
      figure.classList.toggle("is-empty", !count);
      report.drawn = performance.now();
    }

    function load(url) {
      source = url;
      var asked = performance.now();
      return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("axis data: HTTP " + response.status);
          return response.json();
        })
        .then(function (loaded) {
          if (url !== source) return; // a newer filter change already asked for other data
          report.fetched = performance.now() - asked;
          data = loaded;
          draw();
        })
        .catch(function (error) {
          status.textContent = "The axis could not be drawn; the list below has every event.";
          report.error = String(error);
        });
    }

    function create(framing) {
      timeline = new vis.Timeline(container, items, lanes ? groups : null, Object.assign({
        height: container.clientHeight || 280,
        verticalScroll: true,
        zoomKey: "",
        zoomMin: 60 * 60 * 1000, // an hour
        zoomMax: 3000 * YEAR, // thirty centuries
        stack: true,
        // The finest dates stack on top: a day in the week shown matters more than the year around it.
        order: function (a, b) { return span(a) - span(b) || a.start - b.start; },
        showCurrentTime: false,
        selectable: true,
        multiselect: false,
        orientation: { axis: "top", item: "top" },
        margin: { item: { horizontal: 2, vertical: 4 }, axis: 6 },
        tooltip: { followMouse: false, overflowMethod: "cap", delay: 150 },
        cluster: false,
        onInitialDrawComplete: function () {
          report.firstRender = performance.now();
          report.items = items.length;
          container.setAttribute("data-rendered", "");
        },
      }, framing));
      report.timeline = timeline; // for the browser tests and the benchmark
      timeline.on("select", function (properties) {
        var chosen = properties.items.length && items.get(properties.items[0]);
        if (chosen && chosen.event) openInList(chosen.event);
      });
    }

    function reveal(item) {
      var link = item.querySelector(".headline a");
      if (link) link.focus({ preventScroll: true });
      item.classList.add("is-chosen");
      window.setTimeout(function () { item.classList.remove("is-chosen"); }, 2400);
      var toggle = item.querySelector(".provenance-link");
      if (toggle && toggle.getAttribute("aria-expanded") !== "true") {
        // The provenance grows the item as it arrives: scroll once it is in, so the scroll is not cut short.
        item.addEventListener("htmx:afterSettle", function () { item.scrollIntoView({ block: "start" }); }, { once: true });
        toggle.click();
      }
      item.scrollIntoView({ block: "start" });
    }

    function openInList(eventId) {
      var item = document.getElementById("event-" + eventId);
      if (item) {
        reveal(item);
        return;
      }
      // On another page of the list: load that page as the page links do, then open the event there.
      var index = data.events.findIndex(function (row) { return row[0] === eventId; });
      if (index < 0) return;
      var page = Math.floor(index / data.page_size) + 1;
      var list = new URL(results.getAttribute("data-list-url"), window.location.href);
      list.search = new URL(source, window.location.href).search;
      if (page > 1) list.searchParams.set("page", String(page));
      htmx.ajax("GET", list.pathname + list.search, { target: "#results", swap: "outerHTML" }).then(function () {
        var loaded = document.getElementById("event-" + eventId);
        if (loaded) reveal(loaded);
      });
    }

    figure.addEventListener("click", function (event) {
      var button = event.target.closest("[data-axis]");
      if (!button || !timeline) return;
      var action = button.getAttribute("data-axis");
      if (action === "zoom-in") timeline.zoomIn(0.6);
      if (action === "zoom-out") timeline.zoomOut(0.6);
      if (action === "fit") timeline.fit();
      if (action === "densest") frame();
      if (action === "lanes") {
        lanes = !lanes;
        button.setAttribute("aria-pressed", String(lanes));
        var shown = timeline.getWindow();
        draw();
        timeline.setWindow(shown.start, shown.end, { animation: false });
      }
    });

    // The filters changed: the results came back with the URL of their axis data.
    document.body.addEventListener("htmx:afterSwap", function (event) {
      var swapped = document.getElementById("results");
      if (event.detail.target && event.detail.target.id === "results" && swapped) {
        results = swapped;
        var url = swapped.getAttribute("data-axis-src");
        if (url && url !== source) load(url);
      }
    });

    figure.classList.add("is-ready");
    load(container.getAttribute("data-src"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
