// Leaflet, from its WebJar, loaded the first time a map is shown. Markers are vector circles: they show even
// when the tile server cannot be reached.
import { get } from './api.js';

const LEAFLET = '/webjars/leaflet/1.9.4/dist';
let ready = null;

function load() {
  if (!ready) {
    ready = Promise.all([
      new Promise((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `${LEAFLET}/leaflet.css`;
        link.onload = resolve;
        link.onerror = reject;
        document.head.append(link);
      }),
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = `${LEAFLET}/leaflet.js`;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      }),
      get('/console/settings.json'),
    ]).then(([, , settings]) => settings);
  }
  return ready;
}

/** Draws points [{lat, lon, label}] in the element; returns a promise of the map. */
export async function drawMap(element, points) {
  const settings = await load();
  const L = window.L;
  const map = L.map(element, { scrollWheelZoom: false });
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 18 }).addTo(map);
  const markers = points.map((p) => L.circleMarker([p.lat, p.lon], { radius: 9, color: '#0b3d91', weight: 2, fillOpacity: 0.8 })
    .bindTooltip(p.label).addTo(map));
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 14 });
  else map.setView([43.4, 3.7], 10);
  return map;
}
