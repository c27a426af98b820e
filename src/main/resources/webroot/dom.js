// Builds elements without HTML strings (nothing a person typed is ever parsed as markup).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined && c !== false) el.append(c); });
  return el;
}

let serial = 0;
/** A fresh id for label/for and aria links. */
export function uid(prefix) {
  serial += 1;
  return `${prefix}-${serial}`;
}

/** A labelled field: label then control (the control gets an id). */
export function field(labelText, control, hint) {
  control.id = control.id || uid('f');
  const parts = [h('label', { for: control.id }, labelText), control];
  if (hint) {
    const hintEl = h('p', { class: 'hint', id: `${control.id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
    parts.push(hintEl);
  }
  return h('div', { class: 'field' }, parts);
}

/** A section with its heading, labelled by it. */
export function section(title, ...children) {
  const id = uid('s');
  return h('section', { 'aria-labelledby': id, class: 'panel' }, h('h2', { id }, title), ...children);
}

export function alertBox() {
  return h('div', { role: 'alert', class: 'alert' });
}
