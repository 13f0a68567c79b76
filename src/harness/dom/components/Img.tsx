export function Img(props: { alt?: string; src?: string; srcSet?: string; sizes?: string; width?: string | number; height?: string | number; crossOrigin?: "anonymous" }) {
  return <img className="sdk-img" {...props} alt={props.alt ?? ""} />;
}
