import { describe, expect, it } from 'vitest';
import { decideKey, type KeyInput } from './keyboard-policy.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  code: k.length === 1 && /[a-z]/i.test(k) ? `Key${k.toUpperCase()}` : k,
  control: false,
  shift: false,
  alt: false,
  meta: false,
  ...mods,
});
const ctrl = { control: true };
const cmd = { meta: true };

describe('decideKey: shortcuts that leave the kiosk or open tools are blocked', () => {
  it.each([
    ['reload Ctrl+R', key('r', ctrl)],
    ['hard reload Ctrl+Shift+R', key('R', { ...ctrl, shift: true })],
    ['reload Cmd+R', key('r', cmd)],
    ['reload F5', key('F5')],
    ['devtools F12', key('F12')],
    ['devtools Ctrl+Shift+I', key('I', { ...ctrl, shift: true })],
    ['devtools Ctrl+Shift+J', key('J', { ...ctrl, shift: true })],
    ['inspect Ctrl+Shift+C', key('C', { ...ctrl, shift: true })],
    ['devtools Cmd+Alt+I', key('i', { ...cmd, alt: true })],
    ['zoom reset Ctrl+0', key('0', ctrl)],
    ['zoom in Ctrl+=', key('=', ctrl)],
    ['zoom out Ctrl+-', key('-', ctrl)],
    ['close Ctrl+W', key('w', ctrl)],
    ['close Alt+F4', key('F4', { alt: true })],
    ['quit Cmd+Q', key('q', cmd)],
    ['fullscreen toggle F11', key('F11')],
    ['print Ctrl+P', key('p', ctrl)],
    ['new window Ctrl+N', key('n', ctrl)],
    ['new tab Ctrl+T', key('t', ctrl)],
    ['save page Ctrl+S', key('s', ctrl)],
    ['find Ctrl+F', key('f', ctrl)],
    ['view source Ctrl+U', key('u', ctrl)],
    ['history back Alt+Left', key('ArrowLeft', { alt: true })],
    ['browser back media key', key('BrowserBack')],
    ['caret browsing F7', key('F7')],
  ])('%s', (_label, input) => {
    expect(decideKey(input)).toBe('block');
  });
});

describe('decideKey: typing and text editing are allowed', () => {
  it.each([
    ['a letter', key('a')],
    ['a capital letter', key('A', { shift: true })],
    ['a digit', key('7')],
    ['an accented letter', key('é')],
    ['a space', key(' ')],
    ['Backspace', key('Backspace')],
    ['Tab', key('Tab')],
    ['Enter', key('Enter')],
    ['Escape (closes dialogs)', key('Escape')],
    ['arrow keys', key('ArrowLeft')],
    ['copy Ctrl+C', key('c', ctrl)],
    ['paste Ctrl+V', key('v', ctrl)],
    ['cut Cmd+X', key('x', cmd)],
    ['select all Ctrl+A', key('a', ctrl)],
    ['undo Ctrl+Z', key('z', ctrl)],
    ['redo Cmd+Shift+Z', key('Z', { ...cmd, shift: true })],
    ['word left Ctrl+Left', key('ArrowLeft', ctrl)],
    ['select word Ctrl+Shift+Right', key('ArrowRight', { ...ctrl, shift: true })],
    ['AltGr character on Windows (reported as Ctrl+Alt)', { ...key('@', { control: true, alt: true }), code: 'KeyQ' }],
    ['a key-up of a blocked key (the key-down was already stopped)', { ...key('F5'), type: 'keyUp' }],
  ])('%s', (_label, input) => {
    expect(decideKey(input)).toBe('allow');
  });
});

describe('decideKey: staff exit', () => {
  it.each([
    ['Ctrl+Alt+Shift+S', key('S', { control: true, alt: true, shift: true })],
    ['on a layout where the S key yields another character', { ...key('Ś', { control: true, alt: true, shift: true }), code: 'KeyS' }],
  ])('%s opens the staff PIN screen', (_label, input) => {
    expect(decideKey(input)).toBe('staff-exit');
  });

  it.each([
    ['Ctrl+Alt+S without Shift', key('s', { control: true, alt: true })],
    ['Ctrl+Shift+S without Alt', key('S', { control: true, shift: true })],
  ])('%s is not the staff exit', (_label, input) => {
    expect(decideKey(input)).not.toBe('staff-exit');
  });
});
