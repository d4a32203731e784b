// A proper dialog for the one line of text a command needs (a reason, a new name), instead of the browser's
// prompt(): labelled, checked before it closes, Chinese throughout, usable on a phone.

import { h, formValues, clearErrors, setFormError, showApiError, busy } from './util.js';

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

/**
 * A dialog holding a small form (a decision with its reason, a completion report, a rating): `fields` are built
 * with util.field(), so every error sits below its field. `check(values, form)` may refuse before sending (it sets
 * the field errors itself); `submit(values)` runs the command, and the dialog stays open with the server's errors
 * next to their fields until it succeeds. Resolves with what submit returned, or null when the user cancels.
 */
export function formDialog(title, fields, submit, { confirm = '确定', aliases = {}, check = () => true, id = 'form-dialog', intro } = {}) {
  return new Promise((resolve) => {
    const form = h('form', { method: 'dialog', novalidate: true, id: `${id}-form` },
      h('h2', {}, title),
      intro ? h('p', { class: 'muted' }, intro) : null,
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      fields,
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn primary', id: 'dialog-confirm' }, confirm),
        h('button', { type: 'button', class: 'btn', id: 'dialog-cancel' }, '取消')));
    const dialog = h('dialog', { class: 'ask-dialog', id }, form);
    const done = (result) => { dialog.close(); dialog.remove(); resolve(result); };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const values = formValues(form);
      if (!check(values, form)) {
        if (!form.querySelector('.form-error:not([hidden])')) setFormError(form, '请按提示修改标红的项目。');
        return;
      }
      try {
        done(await busy(form.querySelector('#dialog-confirm'), () => submit(values)));
      } catch (err) {
        showApiError(form, err, aliases);
      }
    });
    form.querySelector('#dialog-cancel').addEventListener('click', () => done(null));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(null); });
    document.body.appendChild(dialog);
    dialog.showModal();
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}
