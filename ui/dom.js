// Small DOM helpers shared by every page.

export function $(selector, root = document) {
  const found = root.querySelector(selector);
  if (!found) {
    throw new Error(`missing element ${selector}`);
  }
  return found;
}

/** el('button', {type: 'button', class: 'x', onclick}, 'text', child...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** Shows a message in a status line (role="status" or "alert" in the page). */
export function say(node, text, kind = 'info') {
  node.textContent = text;
  node.dataset.kind = kind;
}

export function seconds(ms) {
  return Math.max(0, Math.ceil(ms / 1000));
}
