// Small enhancements only: every page works without this file.
// With this script running, the page may fold things a reader without it would not be able to open.
document.documentElement.classList.add('js');

// Menus and panels marked data-fold-on-phone are open for everyone and folded on a narrow screen,
// so a phone shows the page first (without scripts they simply stay open).
if (window.matchMedia('(max-width: 40rem)').matches) {
  for (const details of document.querySelectorAll('details[data-fold-on-phone]')) details.open = false;
}

// Forms marked data-confirm ask before doing something that cannot be undone.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// Forms marked data-keep (the work and chapter forms): the browser keeps a copy of what is typed,
// in this browser only, and offers it back when the form opens again after a crash, a closed tab
// or a lost connection. A copy that was sent is dropped when the form next opens afresh (the
// sending worked); a form that came back with errors already shows what was typed.
(() => {
  const PREFIX = 'bindery:kept:';
  const SKIP = new Set(['hidden', 'password', 'submit', 'button', 'file', 'reset']);

  const fieldsOf = (form) => Array.from(form.elements).filter((el) => el.name && el.name !== '_csrf' && !SKIP.has(el.type));

  function read(form) {
    const data = {};
    for (const el of fieldsOf(form)) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        data[el.name] = data[el.name] || [];
        if (el.checked) data[el.name].push(el.value);
      } else data[el.name] = el.value;
    }
    return data;
  }

  function write(form, data) {
    for (const el of fieldsOf(form)) {
      const value = data[el.name];
      if (value === undefined) continue;
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = Array.isArray(value) && value.includes(el.value);
      else el.value = value;
    }
  }

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch { return null; }
  }

  function store(form, key, sent) {
    try { localStorage.setItem(key, JSON.stringify({ fields: read(form), at: new Date().toISOString(), sent })); } catch { /* full or forbidden: the server keeps refused forms anyway */ }
  }

  function offer(form, key, saved) {
    const box = document.createElement('div');
    box.className = 'flash notice kept-copy';
    box.setAttribute('role', 'status');
    const when = new Date(saved.at).toLocaleString();
    box.append(`This browser kept what you typed in this form on ${when}, and it was not sent. `);
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = 'Restore it';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.textContent = 'Discard it';
    restore.addEventListener('click', () => { write(form, saved.fields); box.remove(); store(form, key, false); });
    discard.addEventListener('click', () => { localStorage.removeItem(key); box.remove(); });
    box.append(restore, ' ', discard);
    form.before(box);
  }

  for (const form of document.querySelectorAll('form[data-keep]')) {
    const key = PREFIX + form.dataset.keep;
    const saved = load(key);
    const cameBack = document.querySelector('.error-summary, .refusal') !== null;
    // A sent copy: dropped when the form opens afresh (the sending worked); when the form came back,
    // the page itself holds what was sent, and the copy follows what is typed from here.
    if (saved && saved.sent && !cameBack) localStorage.removeItem(key);
    else if (saved && !saved.sent && JSON.stringify(saved.fields) !== JSON.stringify(read(form))) offer(form, key, saved);
    let timer;
    const later = () => { clearTimeout(timer); timer = setTimeout(() => store(form, key, false), 600); };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // A preview is not a sending: the copy stays offered until the writer saves or posts.
    form.addEventListener('submit', (event) => { clearTimeout(timer); store(form, key, event.submitter?.value !== 'preview'); });
  }
})();
