import '@imi-kit/web-components/define'
import { createApp, defineComponent, markRaw, ref } from 'vue'
import type { App, PropType } from 'vue'
import type { ImiClient } from '@imi-kit/core'
import type { OpenExchangeDetail } from '@imi-kit/web-components'

/** The search of exchanges; opening one is routed by Vue, not by the link. */
export const Exchanges = defineComponent({
  props: { client: { type: Object as PropType<ImiClient>, required: true } },
  setup(props) {
    const language = ref('fr')
    const opened = ref<OpenExchangeDetail>()
    const open = (e: CustomEvent<OpenExchangeDetail>) => {
      e.preventDefault()
      opened.value = e.detail
    }
    // markRaw: the provider gets the client itself, not a reactive proxy of it.
    return { client: markRaw(props.client), language, opened, open }
  },
  template: `
    <label>Language
      <select v-model="language">
        <option value="en">English</option>
        <option value="fr">Français</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
    <imi-provider :client.prop="client" :lang="language">
      <imi-exchange-list @imi-open="open"></imi-exchange-list>
    </imi-provider>
    <p role="status">{{ opened ? 'Opened ' + opened.number + ' (' + opened.exchangeId + ')' : 'No exchange opened' }}</p>
  `,
})

/** Mounts the search into `host`; the template is compiled in the browser. */
export const mountExchanges = (host: Element, client: ImiClient): App => {
  const app = createApp(Exchanges, { client })
  // The imi- tags are custom elements, not Vue components.
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('imi-')
  app.mount(host)
  return app
}
