import { AssignmentProblem, greedyAssignment, solveAssignment } from './assignment';

/** Tries every assignment (each request: one of its candidates, or none) under the capacities. */
function bruteForce(problem: AssignmentProblem): number {
  const byRequest = Array.from({ length: problem.requests }, (_, r) => problem.edges.filter((e) => e.request === r));
  const left = problem.capacities.slice();
  // What the remaining requests could add at most: prunes branches that cannot beat the best.
  const bound = byRequest.map((edges) => Math.max(0, ...edges.map((e) => e.score)));
  const rest = bound.map((_, r) => bound.slice(r).reduce((sum, x) => sum + x, 0));
  let best = 0;
  const go = (r: number, total: number) => {
    if (r === problem.requests) {
      best = Math.max(best, total);
      return;
    }
    if (total + rest[r] <= best) return;
    go(r + 1, total);
    for (const e of byRequest[r]) {
      if (left[e.volunteer] === 0) continue;
      left[e.volunteer]--;
      go(r + 1, total + e.score);
      left[e.volunteer]++;
    }
  };
  go(0, 0);
  return best;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomProblem(seed: number): AssignmentProblem {
  const random = prng(seed);
  const requests = 1 + Math.floor(random() * 8);
  const volunteers = 1 + Math.floor(random() * 12);
  const density = 0.15 + random() * 0.6;
  const edges = [];
  for (let r = 0; r < requests; r++) {
    for (let v = 0; v < volunteers; v++) if (random() < density) edges.push({ request: r, volunteer: v, score: Math.round(random() * 1000) / 10 });
  }
  return { requests, capacities: Array.from({ length: volunteers }, () => 1 + Math.floor(random() * 3)), edges };
}

/** Checks that a result respects every capacity and uses only real edges. */
function assertFeasible(problem: AssignmentProblem, choice: Int32Array): void {
  const load = new Array(problem.capacities.length).fill(0);
  choice.forEach((e, r) => {
    if (e === -1) return;
    expect(problem.edges[e].request).toBe(r);
    load[problem.edges[e].volunteer]++;
  });
  load.forEach((n, v) => expect(n).toBeLessThanOrEqual(problem.capacities[v]));
}

describe('Optimal batch assignment', () => {
  it('finds the brute-force optimum on 500 random small instances, and never does worse than greedy', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const problem = randomProblem(seed);
      const result = solveAssignment(problem);
      assertFeasible(problem, result.choice);
      const optimum = bruteForce(problem);
      expect({ seed, total: Math.round(result.total * 10) / 10 }).toEqual({ seed, total: Math.round(optimum * 10) / 10 });
      expect(result.total).toBeGreaterThanOrEqual(greedyAssignment(problem).total - 1e-9);
    }
  });

  it('beats greedy where taking the best pair first blocks two good ones', () => {
    // Greedy takes r0–v0 (90) and leaves r1 without a volunteer; the optimum gives 80 + 70.
    const problem = { requests: 2, capacities: [1, 1], edges: [{ request: 0, volunteer: 0, score: 90 }, { request: 0, volunteer: 1, score: 80 }, { request: 1, volunteer: 0, score: 70 }] };
    expect(greedyAssignment(problem).total).toBe(90);
    expect(solveAssignment(problem)).toMatchObject({ total: 150, choice: Int32Array.from([1, 2]) });
  });

  it('fills a volunteer up to their capacity and no further', () => {
    const problem = { requests: 3, capacities: [2], edges: [0, 1, 2].map((r) => ({ request: r, volunteer: 0, score: 50 + r })) };
    const result = solveAssignment(problem);
    expect(result.total).toBe(103);
    expect([...result.choice].filter((e) => e !== -1)).toHaveLength(2);
  });

  it('leaves a request without candidates unassigned, without failing', () => {
    expect(solveAssignment({ requests: 2, capacities: [1], edges: [{ request: 1, volunteer: 0, score: 10 }] })).toMatchObject({ total: 10, choice: Int32Array.from([-1, 0]) });
    expect(solveAssignment({ requests: 0, capacities: [], edges: [] }).total).toBe(0);
  });
});
