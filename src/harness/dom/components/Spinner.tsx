const SIZE: Record<string, number> = { small: 12, medium: 16, large: 32 };

export function Spinner({ size = "medium", delay }: { size?: string; delay?: number }) {
  const px = SIZE[size] ?? 16;
  return (
    <span
      className="sdk-spinner"
      role="progressbar"
      aria-label="Loading"
      style={{ width: px, height: px, animationDelay: delay ? `${delay}ms` : undefined }}
    />
  );
}
