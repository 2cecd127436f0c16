/* Progressive enhancement of event times: next to each <time datetime="…" data-localtime="datetime|date|time"
   data-zone="Area/City"> shown in the event's zone, adds the same instant in the viewer's own zone (when it
   differs), formatted in the page's language. Two times inside a [data-localtime-range] element get one note
   for the range ("your time: 19:15 – 20:30 UTC+2"). The label ("your time:") comes from the nearest
   [data-localtime-label] element, so that it is translated with the page. Without JavaScript, nothing changes. */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!viewerZone) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var styles = {
    datetime: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
    date: { year: "numeric", month: "long", day: "numeric" },
    time: { hour: "numeric", minute: "2-digit", timeZoneName: "short" }
  };

  function inZone(element, zone, withZoneName) {
    var options = { timeZone: zone };
    var chosen = styles[element.getAttribute("data-localtime")] || styles.datetime;
    Object.keys(chosen).forEach(function (key) {
      if (key !== "timeZoneName" || withZoneName) {
        options[key] = chosen[key];
      }
    });
    return new Intl.DateTimeFormat(language, options).format(new Date(element.getAttribute("datetime")));
  }

  function inViewerZone(element, withZoneName) {
    return inZone(element, viewerZone, withZoneName);
  }

  /* A note only where the viewer's wall clock differs from the event's (Paris and Madrid read the same). */
  function needsNote(element) {
    var zone = element.getAttribute("data-zone");
    if (!zone || zone === viewerZone || isNaN(new Date(element.getAttribute("datetime")).getTime()) ||
        !element.closest("[data-localtime-label]")) {
      return false;
    }
    try {
      return inZone(element, zone, false) !== inViewerZone(element, false);
    } catch (unknownZone) {
      return false;
    }
  }

  function addNote(after, text) {
    var note = document.createElement("span");
    note.className = "viewer-time";
    note.textContent = " (" + after.closest("[data-localtime-label]").getAttribute("data-localtime-label") + " " +
      text + ")";
    after.insertAdjacentElement("afterend", note);
  }

  function run() {
    var done = [];
    Array.prototype.forEach.call(document.querySelectorAll("[data-localtime-range]"), function (range) {
      var times = range.querySelectorAll("time[data-localtime]");
      if (times.length !== 2 || !needsNote(times[0]) || !needsNote(times[1])) {
        return;
      }
      addNote(range, inViewerZone(times[0], false) + " – " + inViewerZone(times[1], true));
      done.push(times[0], times[1]);
    });
    Array.prototype.forEach.call(document.querySelectorAll("time[data-localtime]"), function (element) {
      if (done.indexOf(element) === -1 && needsNote(element)) {
        addNote(element, inViewerZone(element, true));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
