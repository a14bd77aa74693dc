/**
 * Optimal batch assignment: every request gets at most one volunteer, every volunteer at most their
 * remaining capacity, and the total score is as high as possible (not greedy).
 *
 * Each request also gets a private zero-score "stays unassigned" option, which makes the problem a
 * min-cost assignment in which every request is placed. Requests are added one at a time
 * (Hungarian/Jonker–Volgenant style): Dijkstra with node potentials from the new request over the
 * residual graph (moving earlier requests along the way), stopping at the first volunteer with room.
 * Only the nodes it settled change potential, so a search costs what it explores, not the graph.
 * Pure: no I/O.
 */
export interface AssignmentEdge {
  request: number;
  volunteer: number;
  score: number;
}

export interface AssignmentProblem {
  requests: number;
  /** Remaining capacity per volunteer. */
  capacities: number[];
  edges: AssignmentEdge[];
}

export interface AssignmentResult {
  /** Per request: the edge index chosen, or -1. */
  choice: Int32Array;
  total: number;
}

class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, key: number): void {
    const { keys, nodes } = this;
    let i = nodes.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): [number, number] {
    const { keys, nodes } = this;
    const top: [number, number] = [nodes[0], keys[0]];
    const lastKey = keys.pop() as number;
    const lastNode = nodes.pop() as number;
    if (nodes.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= nodes.length) break;
        const c = l + 1 < nodes.length && keys[l + 1] < keys[l] ? l + 1 : l;
        if (keys[c] >= lastKey) break;
        keys[i] = keys[c];
        nodes[i] = nodes[c];
        i = c;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return top;
  }
}

export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const R = problem.requests;
  const V = problem.capacities.length;
  // Volunteer nodes 0..V-1, then one "unassigned" node per request: V + r (capacity 1, score 0).
  const edges = problem.edges.concat(Array.from({ length: R }, (_, r) => ({ request: r, volunteer: V + r, score: 0 })));
  const E = edges.length;
  const capacity = problem.capacities.concat(new Array(R).fill(1));
  const cost = new Float64Array(E);
  const volunteerOf = new Int32Array(E);
  const edgesOfRequest: number[][] = Array.from({ length: R }, () => []);
  const edgesOfVolunteer: number[][] = Array.from({ length: V + R }, () => []);
  edges.forEach((edge, e) => {
    cost[e] = -edge.score;
    volunteerOf[e] = edge.volunteer;
    edgesOfRequest[edge.request].push(e);
    edgesOfVolunteer[edge.volunteer].push(e);
  });
  const requestOf = (e: number) => edges[e].request;

  // Graph nodes: requests 0..R-1, volunteers R.. (node = R + volunteer), then the sink. Every path
  // ends at the sink, so paths ending at different volunteers compare by their real cost.
  // Reduced cost c + π(u) − π(v) ≥ 0 on every residual edge.
  const SINK = R + V + R;
  const N = SINK + 1;
  const pi = new Float64Array(N);
  for (let e = 0; e < E; e++) pi[R + volunteerOf[e]] = Math.min(pi[R + volunteerOf[e]], cost[e]);
  for (let v = R; v < SINK; v++) pi[SINK] = Math.min(pi[SINK], pi[v]);
  const assigned = new Int32Array(R).fill(-1);
  const used = new Int32Array(V + R);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const prevNode = new Int32Array(N);
  const prevEdge = new Int32Array(N);
  const touched: number[] = [];

  for (let start = 0; start < R; start++) {
    const heap = new MinHeap();
    const visit = (node: number, d: number, from: number, via: number) => {
      if (!(d < dist[node])) return;
      if (dist[node] === Infinity) touched.push(node);
      dist[node] = d;
      prevNode[node] = from;
      prevEdge[node] = via;
      heap.push(node, d);
    };
    visit(start, 0, -1, -1);
    while (heap.size > 0) {
      const [u, d] = heap.pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      if (u === SINK) break; // the shortest augmenting path is found
      if (u < R) {
        for (const e of edgesOfRequest[u]) if (assigned[u] !== e) visit(R + volunteerOf[e], d + cost[e] + pi[u] - pi[R + volunteerOf[e]], u, e);
      } else {
        const vol = u - R;
        if (used[vol] < capacity[vol]) visit(SINK, d + pi[u] - pi[SINK], u, -1);
        for (const e of edgesOfVolunteer[vol]) {
          const r = requestOf(e);
          if (assigned[r] === e) visit(r, d - cost[e] + pi[u] - pi[r], u, e); // move r elsewhere
        }
      }
    }
    // Always found: the request's own "unassigned" node has room. Shift the settled nodes' potentials
    // (π += dist − dist(sink); the others would all shift by the same constant, which changes nothing).
    const limit = dist[SINK];
    const end = prevNode[SINK];
    for (const u of touched) {
      if (done[u] && dist[u] < limit) pi[u] += dist[u] - limit;
      dist[u] = Infinity;
      done[u] = 0;
    }
    touched.length = 0;
    used[end - R]++;
    for (let node = end; ; ) {
      const r = prevNode[node];
      assigned[r] = prevEdge[node];
      if (r === start) break;
      node = prevNode[r];
    }
  }

  let total = 0;
  const choice = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++) {
    const e = assigned[r];
    if (volunteerOf[e] < V && edges[e].score > 0) {
      choice[r] = e;
      total += edges[e].score;
    }
  }
  return { choice, total };
}

/** Highest score first, taking an edge whenever both ends are still free: the baseline to beat. */
export function greedyAssignment(problem: AssignmentProblem): AssignmentResult {
  const order = problem.edges.map((_, i) => i).sort((a, b) => problem.edges[b].score - problem.edges[a].score);
  const choice = new Int32Array(problem.requests).fill(-1);
  const left = problem.capacities.slice();
  let total = 0;
  for (const e of order) {
    const { request, volunteer, score } = problem.edges[e];
    if (choice[request] !== -1 || left[volunteer] === 0) continue;
    choice[request] = e;
    left[volunteer]--;
    total += score;
  }
  return { choice, total };
}
