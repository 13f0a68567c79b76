import { createContext, useContext, type ReactNode } from "react";
import { invoke } from "../events";

const ListAction = createContext<((id: string) => void) | undefined>(undefined);

export function List({ children, onAction }: { children?: ReactNode; onAction?: (id: string) => void }) {
  return (
    <ListAction.Provider value={onAction && ((id) => invoke(onAction, id))}>
      <ul className="sdk-list">{children}</ul>
    </ListAction.Provider>
  );
}

/**
 * Pressable when its List has `onAction` and it has an id, as in the SDK: Stripe's rows are
 * clickable only in a List (docs.stripe.com/stripe-apps/patterns/lists), pressed by mouse or
 * keyboard (the SDK's PressEvent has `pointerType: "keyboard"`), so a row is a button with a
 * visible focus ring (styles.css) when the keyboard reaches it.
 */
export function ListItem(props: { id?: string; title?: ReactNode; secondaryTitle?: ReactNode; value?: ReactNode; icon?: ReactNode; image?: ReactNode; size?: string }) {
  const onAction = useContext(ListAction);
  const content = (
    <>
      {(props.image ?? props.icon) != null && <span className="sdk-listitem__media">{props.image ?? props.icon}</span>}
      <span className="sdk-listitem__text">
        {props.title != null && <span className="sdk-listitem__title">{props.title}</span>}
        {props.secondaryTitle != null && <span className="sdk-listitem__secondary">{props.secondaryTitle}</span>}
      </span>
      {props.value != null && <span className="sdk-listitem__value">{props.value}</span>}
    </>
  );
  const className = `sdk-listitem sdk-listitem--${props.size ?? "default"}`;
  return (
    <li className={className} data-list-id={props.id}>
      {onAction && props.id !== undefined ? (
        <button type="button" className="sdk-listitem__button" onClick={() => onAction(props.id!)}>
          {content}
        </button>
      ) : (
        content
      )}
    </li>
  );
}
