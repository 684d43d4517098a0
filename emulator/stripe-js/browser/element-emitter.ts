type Handler = (event: never) => unknown;

// on/once/off as every Stripe element has them; handlers are called with the element's own events.
export class ElementEmitter {
  private handlers = new Map<string, Array<{ handler: Handler; once: boolean }>>();

  on(event: string, handler: Handler): this {
    const list = this.handlers.get(event) ?? [];
    list.push({ handler, once: false });
    this.handlers.set(event, list);
    return this;
  }

  once(event: string, handler: Handler): this {
    this.on(event, handler);
    this.handlers.get(event)!.at(-1)!.once = true;
    return this;
  }

  off(event: string, handler?: Handler): this {
    if (!handler) this.handlers.delete(event);
    else
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h.handler !== handler),
      );
    return this;
  }

  protected emit(event: string, payload: unknown): void {
    const list = this.handlers.get(event) ?? [];
    this.handlers.set(
      event,
      list.filter((h) => !h.once),
    );
    for (const { handler } of list) (handler as (e: unknown) => unknown)(payload);
  }
}

export function resolveMountTarget(target: string | HTMLElement): HTMLElement {
  const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
  if (!node || !(node instanceof HTMLElement)) {
    throw new Error(`mount() expects a DOM element or a CSS selector that matches one; got ${String(target)}.`);
  }
  return node;
}
