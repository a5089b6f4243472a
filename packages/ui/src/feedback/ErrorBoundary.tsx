/** Keeps a failing part of the page from taking the rest down; the fallback may offer a retry. */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorState } from './ErrorState';

export interface ErrorBoundaryFallbackProps {
  error: unknown;
  reset: () => void;
}

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Defaults to a generic "cannot be shown, try again" state. */
  fallback?: (props: ErrorBoundaryFallbackProps) => ReactNode;
  onError?: (error: unknown, info: ErrorInfo) => void;
  /** Called by reset(), before the children render again (e.g. to drop a cached failed import). */
  onReset?: () => void;
}

interface ErrorBoundaryState {
  failed: boolean;
  error: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onError?.(error, info);
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ failed: false, error: undefined });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const fallback = this.props.fallback ?? defaultFallback;
    return fallback({ error: this.state.error, reset: this.reset });
  }
}

function defaultFallback({ reset }: ErrorBoundaryFallbackProps) {
  return <ErrorState onRetry={reset} />;
}
