// A proper dialog for the one line of text a command needs (a reason, a new name), instead of the browser's
// prompt(): labelled, checked before it closes, Chinese throughout, usable on a phone.

import { h } from './util.js';

/**
 * Asks for one value. Resolves with the trimmed text, or null when the user cancels.
 * @param title    the dialog's heading
 * @param label    the field's label
 * @param options  value (initial text), required (message when empty), confirm (button text), multiline
 */
export function ask(title, label, { value = '', required = `请填写${label}`, confirm = '确定', multiline = true } = {}) {
  return new Promise((resolve) => {
    const input = multiline
      ? h('textarea', { name: 'value', id: 'dialog-value', rows: '3' }, value)
      : h('input', { name: 'value', id: 'dialog-value', value });
    const error = h('div', { class: 'field-error', id: 'dialog-error', 'aria-live': 'polite' });
    const dialog = h('dialog', { class: 'ask-dialog', id: 'ask-dialog' },
      h('form', { method: 'dialog', novalidate: true },
        h('h2', {}, title),
        h('div', { class: 'field' }, h('label', { for: 'dialog-value' }, label), input, error),
        h('div', { class: 'form-actions' },
          h('button', { type: 'submit', class: 'btn primary', id: 'dialog-confirm' }, confirm),
          h('button', { type: 'button', class: 'btn', id: 'dialog-cancel' }, '取消'))));
    const done = (result) => { dialog.close(); dialog.remove(); resolve(result); };
    dialog.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) { error.textContent = required; input.focus(); return; }
      done(text);
    });
    dialog.querySelector('#dialog-cancel').addEventListener('click', () => done(null));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(null); });
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
}
