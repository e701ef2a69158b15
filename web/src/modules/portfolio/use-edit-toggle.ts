import { useEffect, useId, useRef, useState } from 'react';

/**
 * A section's form that opens in place of what it edits: on opening, focus moves to the form's
 * heading (so a screen reader hears what opened); on closing, back to the button that opened it
 * (give it `id={buttonId}`).
 */
export function useEditToggle() {
  const [editing, setEditing] = useState(false);
  const [moves, setMoves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const buttonId = useId();

  useEffect(() => {
    if (moves === 0) return;
    if (editing) headingRef.current?.focus();
    else document.getElementById(buttonId)?.focus();
  }, [moves, editing, buttonId]);

  return {
    editing,
    headingRef,
    buttonId,
    open: () => {
      setEditing(true);
      setMoves((count) => count + 1);
    },
    close: () => {
      setEditing(false);
      setMoves((count) => count + 1);
    },
  };
}
