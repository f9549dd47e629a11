// Regenerates docs/machines/*.md from the procedures' machines: `npx tsx scripts/diagrams.ts`.
import { writeFileSync } from 'node:fs'
import { alertMachine, machineToMermaid, requestMachine } from '../packages/core/src/index.js'

const page = (title: string, intro: string, diagram: string) =>
  `# ${title}\n\n${intro}\n\nGenerated from the machine by \`scripts/diagrams.ts\`; a test fails when it falls behind.\n\n\`\`\`mermaid\n${diagram}\`\`\`\n`

writeFileSync(
  new URL('../docs/machines/request-for-information.md', import.meta.url),
  page(
    'Request for information — statechart',
    'Every status of a request and every transition, labelled with the action and the guards that must hold (see `packages/core/src/procedures/request/machine.ts`).',
    machineToMermaid(requestMachine),
  ),
)

writeFileSync(
  new URL('../docs/machines/services-alert.md', import.meta.url),
  page(
    'Services Directive alert — statechart',
    'Every status of an alert and every transition, labelled with the action and the guards that must hold (see `packages/core/src/procedures/alert/machine.ts`). "Awaiting acknowledgement" is not a status: it is how a recipient mailbox sees a broadcast alert it has not acknowledged yet (see `displayedAlertStatus`).',
    machineToMermaid(alertMachine),
  ),
)
