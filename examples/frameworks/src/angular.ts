// JIT: the template is compiled in the browser. An Angular CLI build compiles it ahead of time instead.
import '@angular/compiler'
import '@imi-kit/web-components/define'
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  InjectionToken,
  inject,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core'
import type { ApplicationRef } from '@angular/core'
import { bootstrapApplication } from '@angular/platform-browser'
import type { ImiClient } from '@imi-kit/core'
import type { OpenExchangeDetail } from '@imi-kit/web-components'

/** The client the elements use, provided by the application. */
export const IMI_CLIENT = new InjectionToken<ImiClient>('ImiClient')

/** The signed-in user's dashboard; opening an exchange is routed by Angular, not by the link. */
@Component({
  selector: 'app-inbox',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <label>Language
      <select [value]="language()" (change)="choose($event)">
        <option value="en">English</option>
        <option value="fr">Français</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
    <imi-provider [client]="client" [lang]="language()">
      <imi-dashboard (imi-open)="open($event)"></imi-dashboard>
    </imi-provider>
    <p role="status">
      @if (opened(); as o) { Opened {{ o.number }} ({{ o.exchangeId }}) } @else { No exchange opened }
    </p>
  `,
})
export class Inbox {
  readonly client = inject(IMI_CLIENT)
  readonly language = signal('fr')
  readonly opened = signal<OpenExchangeDetail | undefined>(undefined)

  choose(e: Event) {
    this.language.set((e.target as HTMLSelectElement).value)
  }

  open(e: Event) {
    e.preventDefault()
    this.opened.set((e as CustomEvent<OpenExchangeDetail>).detail)
  }
}

/** Starts the application on the page's `<app-inbox>`, without zone.js. */
export const mountInbox = (client: ImiClient): Promise<ApplicationRef> =>
  bootstrapApplication(Inbox, {
    providers: [provideZonelessChangeDetection(), { provide: IMI_CLIENT, useValue: client }],
  })
