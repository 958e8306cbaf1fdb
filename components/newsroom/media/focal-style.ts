// CSS for a crop that keeps the picture's subject in view (object-fit: cover does the cropping).
import type { CSSProperties } from "react";

export function focalStyle(focalX: number, focalY: number): CSSProperties {
  return { objectPosition: `${Math.round(focalX * 100)}% ${Math.round(focalY * 100)}%` };
}
