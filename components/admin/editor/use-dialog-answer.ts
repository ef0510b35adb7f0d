"use client";

import { useCallback, useRef } from "react";

/**
 * A modal <dialog> that answers a question: `open()` shows it and resolves with what
 * `finish()` is given; closing it any other way (Escape) resolves with null.
 */
export function useDialogAnswer<T>() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((v: T | null) => void) | null>(null);

  const open = useCallback(() => {
    dialogRef.current?.showModal();
    return new Promise<T | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const finish = useCallback((answer: T | null) => {
    const resolve = resolver.current;
    resolver.current = null;
    if (dialogRef.current?.open) dialogRef.current.close();
    resolve?.(answer);
  }, []);

  return { dialogRef, open, finish };
}
