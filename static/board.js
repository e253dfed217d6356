// Drag and drop on the pipeline board, on top of the move forms that work without it: a card
// dropped on another column submits its own move form with that column's stage, so the server
// applies the same rules (and asks first for the same moves) as for the buttons. Mouse drags
// start anywhere on a card but its links and controls; touch and pen drags start on the grip
// the script adds, so a finger elsewhere on the board still scrolls the page.
"use strict";

(function () {
  var THRESHOLD = 6; // pixels a pointer moves before a press becomes a drag

  // The column under the pointer other than `home`: the dragged card covers the point, so
  // every element there is looked at, not only the topmost.
  function columnAt(x, y, home) {
    var under = document.elementsFromPoint(x, y);
    for (var i = 0; i < under.length; i++) {
      var column = under[i].closest(".board-column[data-stage]");
      if (column && column !== home) return column;
    }
    return null;
  }

  function setUp(card) {
    var form = card.querySelector("form.move");
    if (!form) return;
    var select = form.querySelector("select[name=stage]");
    var grip = document.createElement("span");
    grip.className = "drag-grip";
    grip.setAttribute("aria-hidden", "true");
    grip.title = "Drag to another column";
    grip.textContent = "⠿";
    card.insertBefore(grip, card.firstChild);
    card.classList.add("draggable");

    var start = null;
    var dragging = false;
    var target = null;

    function mark(column) {
      if (target === column) return;
      if (target) target.classList.remove("drop-target");
      target = column;
      if (target) target.classList.add("drop-target");
    }

    function end() {
      card.classList.remove("dragging");
      card.style.transform = "";
      mark(null);
      start = null;
      dragging = false;
    }

    card.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      if (event.target.closest("a, button, select, input, label")) return;
      if (event.pointerType !== "mouse" && event.target !== grip) return;
      start = { x: event.clientX, y: event.clientY, id: event.pointerId };
      card.setPointerCapture(event.pointerId);
    });

    card.addEventListener("pointermove", function (event) {
      if (!start || event.pointerId !== start.id) return;
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      if (!dragging && Math.abs(dx) + Math.abs(dy) < THRESHOLD) return;
      if (!dragging) {
        dragging = true;
        card.classList.add("dragging");
      }
      event.preventDefault();
      card.style.transform = "translate(" + dx + "px, " + dy + "px)";
      mark(columnAt(event.clientX, event.clientY, card.closest(".board-column")));
    });

    card.addEventListener("pointerup", function (event) {
      if (!start || event.pointerId !== start.id) return;
      var column = dragging ? target : null;
      end();
      if (!column) return;
      var stage = column.getAttribute("data-stage");
      if (!select.querySelector('option[value="' + stage + '"]')) return;
      select.value = stage;
      card.classList.add("moving");
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });

    card.addEventListener("pointercancel", end);
    card.addEventListener("lostpointercapture", function () {
      if (dragging) end();
    });
  }

  var cards = document.querySelectorAll(".board-card");
  for (var i = 0; i < cards.length; i++) setUp(cards[i]);
})();
