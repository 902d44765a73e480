// Starts `dockwright lsp` (the Dockwright language server) for Dockerfiles and Compose files, and restarts it
// when the command to run changes. Everything else (diagnostics, quick fixes, hovers, definitions, symbols,
// the workspace's .dockwright.yaml) is the server's.
import * as vscode from 'vscode'
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node'

const SECTION = 'dockwright'
// The names the server lints, for files VS Code has not given a Docker language.
const DOCKERFILE_NAMES = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}'
const COMPOSE_NAMES = '**/{compose,docker-compose}*.{yml,yaml}'

let client: LanguageClient | undefined

/** The command that runs the server: the configured `dockwright.path`, else `dockwright` on PATH. */
export function serverCommand(configured: string | undefined): { command: string; args: string[] } {
  const path = (configured ?? '').trim()
  return { command: path || 'dockwright', args: ['lsp'] }
}

function settings(): { rulesBaseUrl: string; debounceMs: number; server: string; project: string } {
  const config = vscode.workspace.getConfiguration(SECTION)
  return {
    rulesBaseUrl: config.get<string>('rulesBaseUrl', 'https://dockwright.dev'),
    debounceMs: config.get<number>('debounceMs', 150),
    // A project on a Dockwright server whose policy the server lints with (the token: DOCKWRIGHT_TOKEN in VS Code's
    // environment); empty: the workspace's config files.
    server: config.get<string>('server', ''),
    project: config.get<string>('project', ''),
  }
}

async function start(output: vscode.OutputChannel): Promise<void> {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration(SECTION).get<string>('path'))
  const run = { command, args, transport: TransportKind.stdio }
  const serverOptions: ServerOptions = { run, debug: run }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile' },
      { language: 'dockercompose' },
      { scheme: 'file', pattern: DOCKERFILE_NAMES },
      { scheme: 'file', pattern: COMPOSE_NAMES },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
  }
  client = new LanguageClient('dockwright', 'Dockwright', serverOptions, clientOptions)
  try {
    await client.start()
  } catch (error) {
    client = undefined
    const choice = await vscode.window.showErrorMessage(
      `Dockwright could not start \`${command} lsp\` (${String(error)}). Install it with \`pip install dockwright\`, ` +
        'or set dockwright.path to the dockwright command.',
      'Open settings',
    )
    if (choice === 'Open settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'dockwright.path')
    }
  }
}

async function stop(): Promise<void> {
  const running = client
  client = undefined
  if (running) {
    await running.stop()
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Dockwright')
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dockwright.restartServer', async () => {
      await stop()
      await start(output)
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${SECTION}.path`)) {
        await stop()
        await start(output)
      }
    }),
  )
  await start(output)
}

export function deactivate(): Promise<void> {
  return stop()
}
