import { noChange } from 'lit';
import { Directive, PartType, directive, type PartInfo, type PropertyPart } from 'lit/directive.js';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/*
 * `.value=${typedValue(v)}`: lit's `live()` for a field that commits on `change`, minus one thing.
 * Until the field is left, what the user typed lives only in the field; a re-render for another
 * reason (a workshop peer's edit, another tab, a host's set) would make `live()` put the plan's
 * value back and the typing would be gone. This keeps the field as it is while it has focus and
 * holds text the user typed; a field nobody is typing in shows the new value at once, and the
 * typed text is committed as usual when the field is left.
 */
class TypedValueDirective extends Directive {
  /** The value this directive last put into the field: the field differs from it only by typing. */
  private shown: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY || part.name !== 'value')
      throw new Error('typedValue() belongs in a .value binding of an input or textarea');
  }

  render(value: string): string {
    return value;
  }

  override update(part: PropertyPart, [value]: [string]): unknown {
    const field = part.element as Editable;
    const typing = this.shown !== undefined && field.value !== this.shown && field.matches(':focus');
    if (typing) return noChange;
    this.shown = value;
    // Like live(): compare with the field itself, so a value typed and then committed is not set again.
    return field.value === value ? noChange : value;
  }
}

export const typedValue = directive(TypedValueDirective);
