// Tag suggestions while typing, for text inputs marked data-suggest="<tag type>" that hold
// comma-separated tags. A combobox in the ARIA pattern: the field keeps focus, a listbox
// under it offers existing tags, arrow keys move, Enter or Tab picks, Escape closes.
// Without this file the fields are plain text inputs and the form works the same.
(() => {
  'use strict';

  const ENDPOINT = '/api/v1/tags/autocomplete';
  const DELAY_MS = 120;
  const TERM_MAX = 150;

  /** The part of the field being typed: everything after the last comma. */
  function currentSegment(value) {
    return value.slice(value.lastIndexOf(',') + 1);
  }

  /** Names already in the field, folded, so they are not offered twice. */
  function namesAlreadyGiven(value) {
    return new Set(value.split(',').slice(0, -1).map((name) => name.trim().toLowerCase()).filter(Boolean));
  }

  function optionFor(suggestion, id) {
    const option = document.createElement('li');
    option.id = id;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.className = suggestion.canonical ? 'suggestion canonical' : 'suggestion';
    const name = document.createElement('span');
    name.className = 'suggestion-name';
    name.textContent = suggestion.name;
    option.append(name);
    if (typeof suggestion.synonymOf === 'string') {
      const target = document.createElement('span');
      target.className = 'suggestion-synonym';
      target.textContent = ` → ${suggestion.synonymOf}`;
      option.append(target);
    }
    return option;
  }

  function enhance(input) {
    const listId = `${input.id || input.name}-suggestions`;
    const wrapper = document.createElement('div');
    wrapper.className = 'suggest';
    input.replaceWith(wrapper);
    const list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggested tags');
    list.hidden = true;
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    wrapper.append(input, list, status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    let suggestions = [];
    let active = -1;
    let timer = 0;
    let latest = 0;
    let controller = null;

    function setActive(index) {
      const options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      latest += 1;
      window.clearTimeout(timer);
      if (controller) controller.abort();
      suggestions = [];
      setActive(-1);
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
    }

    function show(found) {
      const given = namesAlreadyGiven(input.value);
      suggestions = found.filter((s) => !given.has(s.name.toLowerCase()));
      setActive(-1);
      list.replaceChildren(...suggestions.map((s, i) => optionFor(s, `${listId}-${i}`)));
      const open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      status.textContent = open ? `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}; use the up and down arrows to choose.` : '';
    }

    async function lookUp(term) {
      const request = ++latest;
      if (controller) controller.abort();
      controller = new AbortController();
      const query = new URLSearchParams({ term, type: input.dataset.suggest || '' });
      try {
        const response = await fetch(`${ENDPOINT}?${query}`, { credentials: 'omit', headers: { accept: 'application/json' }, signal: controller.signal });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = await response.json();
        // A slower answer to an earlier keystroke must not replace a newer one.
        if (request === latest && document.activeElement === input) show(Array.isArray(body.tags) ? body.tags : []);
      } catch {
        if (request === latest) close();
      }
    }

    function pick(index) {
      const suggestion = suggestions[index];
      if (!suggestion) return;
      const before = input.value.slice(0, input.value.lastIndexOf(',') + 1);
      input.value = `${before.trim() === '' ? '' : `${before.trimEnd()} `}${suggestion.name}, `;
      close();
      input.setSelectionRange(input.value.length, input.value.length);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      const term = currentSegment(input.value).trim();
      if (term === '' || term.length > TERM_MAX) {
        close();
        return;
      }
      timer = window.setTimeout(() => void lookUp(term), DELAY_MS);
    });

    input.addEventListener('keydown', (event) => {
      const open = !list.hidden;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!open) {
          const term = currentSegment(input.value).trim();
          if (term !== '' && term.length <= TERM_MAX) void lookUp(term);
          return;
        }
        const last = suggestions.length - 1;
        if (event.key === 'ArrowDown') setActive(active >= last ? 0 : active + 1);
        else setActive(active <= 0 ? last : active - 1);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && open && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener('blur', close);
    // Pressing on an option must not take the focus from the field (that would close the list first).
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      if (option) pick([...list.children].indexOf(option));
    });
  }

  for (const input of document.querySelectorAll('input[data-suggest]')) {
    if (input instanceof HTMLInputElement) enhance(input);
  }
})();
