import '@imi-kit/web-components/define'
import { useState } from 'react'
import type { HTMLAttributes } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import type { ImiClient } from '@imi-kit/core'
import type { ImiDashboard, ImiProvider, OpenExchangeDetail } from '@imi-kit/web-components'

// The tags React may render, with the properties and events it passes to them.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'imi-provider': HTMLAttributes<ImiProvider> & { client?: ImiClient }
      'imi-dashboard': HTMLAttributes<ImiDashboard> & { 'onimi-open'?: (e: CustomEvent<OpenExchangeDetail>) => void }
    }
  }
}

/** The signed-in user's dashboard; opening an exchange is routed by React, not by the link. */
export function Inbox({ client }: { client: ImiClient }) {
  const [language, setLanguage] = useState('fr')
  const [opened, setOpened] = useState<OpenExchangeDetail>()
  return (
    <>
      <label>
        Language{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="en">English</option>
          <option value="fr">Français</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      {/* React 19 sets `client` as a property and listens to `imi-open` itself. */}
      <imi-provider client={client} lang={language}>
        <imi-dashboard
          onimi-open={(e) => {
            e.preventDefault()
            setOpened(e.detail)
          }}
        />
      </imi-provider>
      <p role="status">{opened ? `Opened ${opened.number} (${opened.exchangeId})` : 'No exchange opened'}</p>
    </>
  )
}

/** Renders the inbox into `host`. */
export const mountInbox = (host: Element, client: ImiClient): Root => {
  const root = createRoot(host)
  root.render(<Inbox client={client} />)
  return root
}
