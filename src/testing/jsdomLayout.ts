/**
 * jsdom has no layout or canvas. Grafana's Combobox measures option text on a canvas and virtualises
 * its menu by element size, so tests give it a text measure and a non-zero size.
 */
const fakeContext = { measureText: (text: string) => ({ width: text.length * 8 }) };
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => fakeContext });

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => 400 },
  offsetWidth: { configurable: true, get: () => 400 },
});
Object.defineProperties(Element.prototype, {
  clientHeight: { configurable: true, get: () => 400 },
  clientWidth: { configurable: true, get: () => 400 },
});

Element.prototype.getBoundingClientRect = function getBoundingClientRect() {
  return {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 400,
    right: 400,
    width: 400,
    height: 400,
    toJSON: () => ({}),
  } as DOMRect;
};

// The Combobox menu watches its options' visibility.
class NoIntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
Object.assign(global, { IntersectionObserver: NoIntersectionObserver });
