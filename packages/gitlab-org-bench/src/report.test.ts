import { formatTable, oursRow, walkRow } from './report';

describe('report', () => {
  it('shows our run and where an offset walk was refused', () => {
    const table = formatTable([
      oursRow(
        {
          ok: true,
          outcome: 'committed',
          wallMs: 12_345,
          readMs: 10_000,
          peakRssMB: 612.4,
          committed: { users: 60000, groups: 3001 },
        },
        3456,
        8,
      ),
      walkRow(
        {
          path: '/users',
          mode: 'offset',
          requests: 501,
          items: 50000,
          complete: false,
          stoppedAt: { page: 501, status: 405, message: 'Offset pagination …' },
          wallMs: 4000,
        },
        'upstream approach: offset walk of /users',
      ),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('(REST, 8 lists in flight)');
    expect(lines[2]).toMatch(
      /committed +\| 60000 \| 3001 +\| 3456 +\| 12\.35 s \(read 10\.00 s\) \| 612 MiB/,
    );
    expect(lines[3]).toContain('405 at page 501 after 50000 items');
    expect(new Set(lines.map(l => l.length)).size).toBe(1);
  });
});
