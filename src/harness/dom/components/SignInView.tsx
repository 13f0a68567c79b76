import { useState, type ReactNode } from "react";
import { invoke, pressEvent } from "../events";
import { FocusView } from "./FocusView";

interface SignInAction {
  label: string;
  href?: string;
  target?: string;
  onPress?: (event: unknown) => void;
}

function Action({ action, primary }: { action: SignInAction; primary: boolean }) {
  const className = `sdk-button sdk-button--${primary ? "primary" : "secondary"} sdk-button--large`;
  const onClick = () => invoke(action.onPress, pressEvent());
  return action.href ? (
    <a className={className} href={action.href} target={action.target ?? "_blank"} rel="noreferrer" onClick={onClick}>
      {action.label}
    </a>
  ) : (
    <button type="button" className={className} onClick={onClick}>
      {action.label}
    </button>
  );
}

/** The SDK's sign-in screen: brand, description, a learn-more panel, the sign-in actions. */
export function SignInView(props: {
  brandColor?: string;
  brandIcon?: string;
  description?: string;
  descriptionActionLabel?: string;
  descriptionActionTitle?: string;
  descriptionActionContents?: ReactNode;
  footerContent?: ReactNode;
  primaryAction?: SignInAction;
  secondaryAction?: SignInAction;
}) {
  const [more, setMore] = useState(false);
  return (
    <section className="sdk-signinview">
      {props.brandIcon && (
        <span className="sdk-contextview__brand sdk-signinview__brand" style={{ backgroundColor: props.brandColor }}>
          <img src={props.brandIcon} alt="" />
        </span>
      )}
      {props.description && <p className="sdk-signinview__description">{props.description}</p>}
      {props.descriptionActionLabel && (
        <button type="button" className="sdk-link sdk-link--primary sdk-link--button" onClick={() => setMore(true)}>
          {props.descriptionActionLabel}
        </button>
      )}
      <div className="sdk-signinview__actions">
        {props.primaryAction && <Action action={props.primaryAction} primary />}
        {props.secondaryAction && <Action action={props.secondaryAction} primary={false} />}
      </div>
      {props.footerContent}
      <FocusView title={props.descriptionActionTitle ?? props.descriptionActionLabel ?? ""} shown={more} setShown={setMore}>
        {props.descriptionActionContents}
      </FocusView>
    </section>
  );
}
