import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the section shows, in words ("the charts", "the settings"): named in the message. */
  readonly name: string;
  readonly children: ReactNode;
  /** When this changes (a new run, another page), a failed section tries again. */
  readonly resetKey?: unknown;
}

interface State {
  readonly error?: Error;
  readonly key?: unknown;
}

/**
 * An error boundary per page section: a section that throws while rendering (a corrupt config,
 * chart data of an unexpected shape) shows what failed and a way to retry, while the rest of
 * the page, the navigation and any runs in progress keep working.
 */
export class SectionBoundary extends Component<Props, State> {
  state: State = { key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: undefined } : null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // kept in the console for a bug report; the page itself says what failed
    console.warn(`Spindle Studio: ${this.props.name} failed to render`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="callout callout-error section-error" role="alert">
        <div>
          <strong>Could not show {this.props.name}.</strong>
          <div>
            {error.message || String(error)}. The rest of the page and your runs are unaffected.
          </div>
          <button type="button" className="btn btn-small" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
