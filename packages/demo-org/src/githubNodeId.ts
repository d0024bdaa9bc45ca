/**
 * The legacy GraphQL node id GitHub gives a user: base64 of `04:User<id>`,
 * e.g. 10001 -> `MDQ6VXNlcjEwMDAx`.
 */
export function githubUserNodeId(userId: number): string {
  return Buffer.from(`04:User${userId}`, 'utf8').toString('base64');
}
