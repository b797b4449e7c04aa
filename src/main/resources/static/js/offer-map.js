// Map of the network's offer (/reseau/carte), drawn with Leaflet over the server-rendered page.
// Everything on the page works without this script (lists, GET parameters); the map adds:
// member associations coloured by main field, the courts (a click shows the court's offer in the
// side panel, swapped by htmx), the zones blanches of the selected measure type highlighted, and
// the map centred on the results of a search. The background tiles are optional: without them
// (none configured, or the tile server unreachable) the markers still show and a notice says so.
(function () {
  'use strict';

  var METROPOLE = [[41.3, -5.2], [51.1, 9.6]];
  var element = document.getElementById('offer-map');
  if (!element || !window.L) {
    return;
  }
  var L = window.L;
  var wrapper = document.getElementById('offer-map-wrapper');
  wrapper.hidden = false;

  var map = L.map(element, { zoomSnap: 0.5, worldCopyJump: false, zoomControl: false });
  L.control.zoom({
    zoomInTitle: element.getAttribute('data-label-zoom-in'),
    zoomOutTitle: element.getAttribute('data-label-zoom-out')
  }).addTo(map);
  map.fitBounds(METROPOLE);
  var notice = document.getElementById('map-background-notice');
  var tileUrl = element.getAttribute('data-tile-url');
  if (tileUrl) {
    var tiles = L.tileLayer(tileUrl, {
      maxZoom: 18,
      attribution: element.getAttribute('data-tile-attribution') || '',
      // The page's own policy sends no referrer to other sites; tile servers ask for one.
      referrerPolicy: 'strict-origin-when-cross-origin'
    });
    tiles.on('tileerror', function () { notice.hidden = false; });
    tiles.on('tileload', function () { notice.hidden = true; });
    tiles.addTo(map);
  }

  var courtMarkers = {};
  var courtPoints = {};
  var zonesByType = {};

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) {
      node.className = className;
    }
    return node;
  }

  // A popup: a title, lines of text (empty ones left out) and a link, all as text nodes.
  function popup(title, lines, linkLabel, href) {
    var box = document.createElement('div');
    box.appendChild(text('strong', title));
    lines.filter(Boolean).forEach(function (line) {
      box.appendChild(document.createElement('br'));
      box.appendChild(text('span', line));
    });
    box.appendChild(document.createElement('br'));
    var link = text('a', linkLabel);
    link.href = href;
    box.appendChild(link);
    return box;
  }

  function memberPopup(m) {
    return popup(m.name, [[m.city, m.fieldLabel].filter(Boolean).join(' · ')], element.getAttribute('data-label-profile'),
        m.url);
  }

  function drawMembers(members) {
    members.forEach(function (m) {
      L.circleMarker([m.lat, m.lon], {
        radius: 7, weight: 2, fillOpacity: 0.85,
        className: 'offer-map-member field-' + (m.field || 'NONE')
      }).bindPopup(memberPopup(m)).addTo(map);
    });
  }

  function drawCourts(courts) {
    courts.forEach(function (c) {
      courtPoints[c.code] = c;
      var marker = L.marker([c.lat, c.lon], {
        icon: L.divIcon({ className: 'offer-map-court', iconSize: [16, 16], iconAnchor: [8, 8] }),
        title: c.name,
        alt: c.name,
        keyboard: true,
        riseOnHover: true
      });
      marker.on('click', function () { selectCourt(c.code); });
      // A node, not a string: Leaflet writes a string tooltip as HTML, and a court's name is text.
      marker.bindTooltip(text('span', c.name + ' — ' + c.offered + ' ' + element.getAttribute('data-label-offered')
          + ', ' + c.zonesBlanches + ' ' + element.getAttribute('data-label-zones')));
      marker.addTo(map);
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute('aria-label', c.name + ' : ' + element.getAttribute('data-label-select'));
        icon.setAttribute('data-court', c.code);
        // A button to the keyboard as to the mouse: Enter or Space selects the court.
        icon.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            selectCourt(c.code);
          }
        });
      }
      courtMarkers[c.code] = marker;
    });
  }

  function currentUrl(court) {
    var form = document.getElementById('map-filters');
    var params = new URLSearchParams();
    params.set('court', court || '');
    params.set('type', form.elements.type.value);
    params.set('q', form.elements.q.value);
    return element.getAttribute('data-page') + '?' + params.toString();
  }

  function selectCourt(code) {
    var url = currentUrl(code);
    window.history.pushState({}, '', url);
    window.htmx.ajax('GET', url, { target: '#map-results', select: '#map-results', swap: 'outerHTML' })
        .then(function () {
          var title = document.getElementById('court-panel-title');
          if (title) {
            title.focus();
          }
        });
  }

  // The received-activity layer of each measure type, read once per type (published counts only,
  // for readers of the national observatory).
  var receivedByType = {};
  function loadReceived(type) {
    receivedByType[type] = {};
    fetch(element.getAttribute('data-url') + '?type=' + encodeURIComponent(type),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && data.receivedType === type) {
            receivedByType[type] = data.received || {};
            syncWithPanel();
          }
        })
        .catch(function () { /* the layer is an addition: the offer stays shown */ });
  }

  // The state shown by the side panel: selected court and type, search results.
  var shownCourt = null;
  function syncWithPanel() {
    var results = document.getElementById('map-results');
    if (!results) {
      return;
    }
    var court = results.getAttribute('data-court');
    var type = results.getAttribute('data-type');
    // Links in the panel may change the court or the type: the filters follow.
    document.getElementById('map-court').value = court;
    document.getElementById('map-type').value = type;
    var zones = {};
    (zonesByType[type] || []).forEach(function (code) { zones[code] = true; });
    var received = (type && receivedByType[type]) || {};
    Object.keys(courtMarkers).forEach(function (code) {
      var icon = courtMarkers[code].getElement();
      if (icon) {
        var active = received[code] !== undefined;
        icon.classList.toggle('zone-blanche', zones[code] === true && !active);
        // A zone blanche where measures of the type were received all the same: marked apart.
        icon.classList.toggle('zone-blanche-active', zones[code] === true && active);
        icon.classList.toggle('received', zones[code] !== true && active);
        icon.classList.toggle('selected', code === court);
      }
    });
    // Only readers of the national observatory get the layer (the page says so): no request otherwise.
    if (type && !receivedByType[type] && element.getAttribute('data-received') === 'true') {
      loadReceived(type);
    }
    if (court && courtPoints[court] && court !== shownCourt) {
      map.setView([courtPoints[court].lat, courtPoints[court].lon], Math.max(map.getZoom(), 8));
    } else if (!court && results.getAttribute('data-q')) {
      var points = [];
      document.querySelectorAll('#map-lists tr[data-lat]').forEach(function (row) {
        var lat = parseFloat(row.getAttribute('data-lat'));
        var lon = parseFloat(row.getAttribute('data-lon'));
        if (!isNaN(lat) && !isNaN(lon)) {
          points.push([lat, lon]);
        }
      });
      if (points.length > 0) {
        map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 10 });
      }
    }
    shownCourt = court;
  }

  document.addEventListener('htmx:afterSettle', function () {
    syncWithPanel();
  });
  // A court chosen in a list moves the keyboard focus to its panel, as a new page would.
  document.addEventListener('htmx:afterSettle', function (event) {
    var trigger = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
    if (trigger && trigger.tagName === 'A' && trigger.closest && !document.body.contains(trigger)) {
      var title = document.getElementById('court-panel-title') || document.getElementById('type-panel-title');
      if (title) {
        title.focus();
      }
    }
  });
  window.addEventListener('popstate', function () { window.location.reload(); });

  document.getElementById('map-reset').addEventListener('click', function () {
    map.fitBounds(METROPOLE);
  });

  // The association's partner sites: a private layer, whose address the page gives to the readers
  // of partners only; filtered by partner type in #map-partner-type (the types found in the layer).
  function partnerPopup(p) {
    return popup(p.partner, [p.site, p.typeLabel + ' · ' + p.levelLabel, p.address],
        element.getAttribute('data-label-partner-page'), p.url);
  }

  function loadPartners(url) {
    var select = document.getElementById('map-partner-type');
    var status = document.getElementById('map-partners-status');
    var layer = L.layerGroup().addTo(map);
    var features = [];
    function show() {
      layer.clearLayers();
      var type = select.value;
      var shown = 0;
      features.forEach(function (f) {
        var p = f.properties;
        if (type === '-' || (type !== '' && p.type !== type)) {
          return;
        }
        var marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          icon: L.divIcon({ className: 'offer-map-partner partner-type-' + p.type, iconSize: [14, 14], iconAnchor: [7, 7] }),
          title: p.partner + ' (' + p.typeLabel + ')',
          alt: p.partner + ' (' + p.typeLabel + ')',
          keyboard: true
        }).bindPopup(partnerPopup(p));
        layer.addLayer(marker);
        var icon = marker.getElement();
        if (icon) {
          icon.setAttribute('data-partner-site', p.siteId);
          icon.setAttribute('data-partner-type', p.type);
        }
        shown++;
      });
      status.textContent = element.getAttribute('data-label-partners-shown').replace('#', String(shown));
    }
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : { features: [] }; })
        .then(function (data) {
          features = data.features || [];
          var types = {};
          features.forEach(function (f) { types[f.properties.type] = f.properties.typeLabel; });
          Object.keys(types).sort(function (a, b) { return types[a].localeCompare(types[b]); }).forEach(function (code) {
            var option = text('option', types[code]);
            option.value = code;
            select.insertBefore(option, select.options[select.options.length - 1]);
          });
          select.addEventListener('change', show);
          show();
        })
        .catch(function () { /* the layer is an addition: the offer stays shown */ });
  }
  if (element.getAttribute('data-partners-url')) {
    loadPartners(element.getAttribute('data-partners-url'));
  }

  fetch(element.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('map data: HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        zonesByType = data.zonesBlanches || {};
        drawMembers(data.members || []);
        drawCourts(data.courts || []);
        shownCourt = null;
        syncWithPanel();
      })
      .catch(function () {
        // Without its data the map shows nothing useful: the lists remain, as without JavaScript.
        wrapper.hidden = true;
      });
})();
