import { useId, useState, type ReactNode } from "react";
import { cssToStyle } from "../css";
import { changeEvent, invoke, keyEvent } from "../events";
import { useEchoedValue } from "../useEchoedValue";
import { reportViolation } from "../violations";

interface FieldChrome {
  label?: ReactNode;
  description?: string;
  error?: string;
  hiddenElements?: string[];
  css?: Record<string, unknown>;
}

/** Label, description and error around a control, as the SDK lays them out. */
function Field({ id, chrome, component, children }: { id: string; chrome: FieldChrome; component: string; children: ReactNode }) {
  const hidden = new Set(chrome.hiddenElements ?? []);
  return (
    <div className="sdk-field" style={cssToStyle(component, chrome.css)}>
      {chrome.label != null && (
        <label htmlFor={id} className={`sdk-field__label${hidden.has("label") ? " sdk-visually-hidden" : ""}`}>
          {chrome.label}
        </label>
      )}
      {chrome.description && (
        <div className={`sdk-field__description${hidden.has("description") ? " sdk-visually-hidden" : ""}`}>{chrome.description}</div>
      )}
      {children}
      {chrome.error && <div className={`sdk-field__error${hidden.has("error") ? " sdk-visually-hidden" : ""}`}>{chrome.error}</div>}
    </div>
  );
}

export function TextField(props: FieldChrome & {
  value?: string;
  defaultValue?: string;
  placeholder?: string;
  type?: string;
  name?: string;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  maxLength?: number;
  minLength?: number;
  size?: string;
  spellCheck?: boolean | "true" | "false";
  tabIndex?: number;
  onChange?: (e: unknown) => void;
  onKeyDown?: (e: unknown) => void;
  onKeyUp?: (e: unknown) => void;
}) {
  const id = useId();
  const [value, type] = useEchoedValue(props.value, props.defaultValue);
  return (
    <Field id={id} chrome={props} component="TextField">
      <input
        id={id}
        className={`sdk-input sdk-input--${props.size ?? "medium"}`}
        type={props.type ?? "text"}
        name={props.name}
        value={value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        readOnly={props.readOnly}
        required={props.required}
        aria-invalid={props.invalid || !!props.error || undefined}
        autoFocus={props.autoFocus}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        minLength={props.minLength}
        spellCheck={props.spellCheck === undefined ? undefined : props.spellCheck === true || props.spellCheck === "true"}
        tabIndex={props.tabIndex}
        onChange={(e) => {
          type(e.target.value);
          invoke(props.onChange, changeEvent(e.target.value, { name: props.name }));
        }}
        onKeyDown={props.onKeyDown && ((e) => invoke(props.onKeyDown, keyEvent(e, e.currentTarget.value)))}
        onKeyUp={props.onKeyUp && ((e) => invoke(props.onKeyUp, keyEvent(e, e.currentTarget.value)))}
      />
    </Field>
  );
}

export function Select(props: FieldChrome & {
  children?: ReactNode;
  value?: string | string[];
  defaultValue?: string | string[];
  name?: string;
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  multiple?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  size?: string;
  onChange?: (e: unknown) => void;
}) {
  const id = useId();
  // Not drawn by the harness yet: say so rather than show a single select.
  if (props.multiple) reportViolation("Select", "multiple selection is accepted by the SDK but not rendered by the harness");
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const [value, type] = useEchoedValue(single(props.value), single(props.defaultValue));
  return (
    <Field id={id} chrome={props} component="Select">
      <select
        id={id}
        className={`sdk-select sdk-input--${props.size ?? "medium"}`}
        name={props.name}
        value={value}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.invalid || !!props.error || undefined}
        autoFocus={props.autoFocus}
        autoComplete={props.autoComplete}
        onChange={(e) => {
          type(e.target.value);
          invoke(props.onChange, changeEvent(e.target.value, { name: props.name }));
        }}
      >
        {props.children}
      </select>
    </Field>
  );
}

/** `<option>` and `<optgroup>` inside a Select reach the page as host components. */
export function Option({ value, disabled, label, children }: { value?: string; disabled?: boolean; label?: string; children?: ReactNode }) {
  return (
    <option value={value} disabled={disabled} label={label}>
      {children}
    </option>
  );
}

export function OptGroup({ label, disabled, children }: { label?: string; disabled?: boolean; children?: ReactNode }) {
  return (
    <optgroup label={label} disabled={disabled}>
      {children}
    </optgroup>
  );
}

export function SearchField(props: FieldChrome & {
  data: { id: string; value: string }[];
  value?: string;
  defaultValue?: string;
  placeholder?: string;
  disabled?: boolean;
  listboxSize?: string;
  selectionMode: "single" | "multiple";
  onInputChange?: (value: string) => void;
  onSelectionChange?: (key: unknown) => void;
  defaultSelected?: unknown;
}) {
  const id = useId();
  const [value, type] = useEchoedValue(props.value, props.defaultValue);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const matches = (props.data ?? []).filter((d) => d.value.toLowerCase().includes(value.toLowerCase()));
  const pick = (itemId: string) => {
    if (props.selectionMode === "multiple") {
      const next = new Set(picked);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      setPicked(next);
      invoke(props.onSelectionChange, next);
    } else {
      const item = props.data.find((d) => d.id === itemId);
      if (item) type(item.value);
      setOpen(false);
      invoke(props.onSelectionChange, itemId);
    }
  };
  return (
    <Field id={id} chrome={props} component="SearchField">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        className="sdk-input sdk-input--medium"
        type="search"
        value={value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          type(e.target.value);
          setOpen(true);
          invoke(props.onInputChange, e.target.value);
        }}
      />
      {open && matches.length > 0 && (
        <ul role="listbox" className={`sdk-listbox sdk-listbox--${props.listboxSize ?? "medium"}`}>
          {matches.map((d) => (
            <li key={d.id} role="option" aria-selected={picked.has(d.id)} onMouseDown={(e) => (e.preventDefault(), pick(d.id))}>
              {d.value}
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}

function Toggle(kind: "checkbox" | "switch") {
  return function ToggleField(props: FieldChrome & {
    checked?: boolean;
    defaultChecked?: boolean;
    value?: string;
    name?: string;
    disabled?: boolean;
    readOnly?: boolean;
    required?: boolean;
    invalid?: boolean;
    indeterminate?: boolean;
    onChange?: (e: unknown) => void;
  }) {
    const id = useId();
    const [own, setOwn] = useState(props.defaultChecked ?? false);
    const checked = props.checked ?? own;
    return (
      <Field id={id} chrome={{ ...props, label: undefined }} component={kind === "switch" ? "Switch" : "Checkbox"}>
        <label className={`sdk-toggle sdk-toggle--${kind}`}>
          <input
            id={id}
            type="checkbox"
            role={kind === "switch" ? "switch" : undefined}
            checked={checked}
            name={props.name}
            value={props.value}
            disabled={props.disabled || props.readOnly}
            required={props.required}
            aria-invalid={props.invalid || undefined}
            ref={(el) => {
              if (el) el.indeterminate = !!props.indeterminate;
            }}
            onChange={(e) => {
              setOwn(e.target.checked);
              invoke(props.onChange, changeEvent(props.value ?? "on", { checked: e.target.checked, name: props.name }));
            }}
          />
          <span>{props.label}</span>
        </label>
      </Field>
    );
  };
}

export const Checkbox = Toggle("checkbox");
export const Switch = Toggle("switch");
