"use client";
// Click (or use the arrow keys on) the picture to mark its subject; crops on every page keep that
// point in view. The previews show the square and wide crops readers may get.
import { useState, type KeyboardEvent, type MouseEvent } from "react";
import { focalStyle } from "./focal-style";

type Props = { src: string; width: number; height: number; alt: string; focalX: number; focalY: number };

const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
const STEP = 0.05;
const CROPS: [string, number, number][] = [
  ["Square", 90, 90],
  ["Wide", 160, 90],
  ["Tall", 68, 90],
];
const KEY_MOVES: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };

export function FocalPointPicker({ src, width, height, alt, focalX, focalY }: Props) {
  const [point, setPoint] = useState({ x: focalX, y: focalY });

  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    setPoint({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) });
  }

  function handleKey(event: KeyboardEvent<HTMLButtonElement>) {
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    setPoint((current) => ({ x: clamp(current.x + move[0]), y: clamp(current.y + move[1]) }));
  }

  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return (
    <div>
      <button
        type="button"
        className="focal-picker"
        onClick={handleClick}
        onKeyDown={handleKey}
        aria-label={`Focal point: ${percent(point.x)} from the left, ${percent(point.y)} from the top. Click the picture or use the arrow keys to move it.`}
      >
        <img src={src} width={width} height={height} alt={alt} />
        <span className="focal-marker" style={{ left: percent(point.x), top: percent(point.y) }} aria-hidden="true" />
      </button>
      <input type="hidden" name="focalX" value={point.x} />
      <input type="hidden" name="focalY" value={point.y} />
      <p className="hint">
        Click the subject to set the focal point ({percent(point.x)} across, {percent(point.y)} down); save to keep it.
      </p>
      <div className="focal-crops" aria-label="How crops will look">
        {CROPS.map(([label, width, height]) => (
          <figure key={label}>
            <img src={src} alt="" width={width} height={height} style={{ width, height, ...focalStyle(point.x, point.y) }} />
            <figcaption>{label}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
