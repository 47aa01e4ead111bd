export interface StatCard {
  readonly label: string;
  readonly value: string;
  readonly sub?: string;
}

export function StatCards({ cards }: { cards: readonly StatCard[] }) {
  return (
    <section className="stat-grid" aria-label="Run statistics">
      {cards.map((c) => (
        <div className="stat-card" key={c.label}>
          <div className="stat-label">{c.label}</div>
          <div className="stat-value" data-stat={c.label}>
            {c.value}
          </div>
          {c.sub && <div className="stat-sub">{c.sub}</div>}
        </div>
      ))}
    </section>
  );
}
