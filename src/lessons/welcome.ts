// The short welcome the lesson panel shows on a first visit, above the list of lessons
// (markdown subset, like the steps).

export const WELCOME = `This page runs a small Kubernetes cluster and a workstation shell, all inside your browser tab. Nothing leaves it.

The lessons show how a pod gets its **ServiceAccount token**, what that token is tied to, and when the API server stops accepting it. Each step says what to type, checks the cluster once you have done it, and has hints and a solution if you get stuck.

Start with the first lesson, or type a command of your own:

\`\`\`sh
lab lessons
lab lesson article
\`\`\``
