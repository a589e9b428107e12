import type { Locale } from '../../../shared/locale';

/**
 * The words of the Demo workspace in each language the page speaks. They are seeded once, at
 * the first launch, and are the user's own from then on (renamed, edited, deleted like any),
 * so they are not translated again when the language changes.
 */
export interface DemoTexts {
  workspace: string;
  prompt: string;
  endpoints: Record<
    | 'clock'
    | 'counter'
    | 'chat'
    | 'flaky'
    | 'burst'
    | 'openai'
    | 'responses'
    | 'anthropic'
    | 'gemini'
    | 'failing',
    { name: string; notes: string }
  >;
}

export const DEMO_TEXTS: Record<Locale, DemoTexts> = {
  en: {
    workspace: 'Demo',
    prompt: 'Explain Server-Sent Events in one paragraph.',
    endpoints: {
      clock: {
        name: 'Clock',
        notes: 'The classic demo: a connecttime event, then the date every second.',
      },
      counter: {
        name: 'Counter',
        notes: 'Numbered events with ids; reconnects resume after Last-Event-ID.',
      },
      chat: {
        name: 'Chat completion (POST)',
        notes:
          'An LLM-style token stream: POST a JSON prompt, tokens arrive as chat.completion.chunk events, then [DONE]. The prompt comes from the workspace variable "prompt": edit it and reopen.',
      },
      flaky: {
        name: 'Flaky connection',
        notes: 'Drops the connection every few events: watch the reconnects and the resume.',
      },
      burst: { name: 'Burst (100k × 64 B)', notes: 'As fast as the socket takes it.' },
      openai: {
        name: 'OpenAI chat stream',
        notes:
          'A Chat Completions stream: reasoning, text, a tool call, usage, then [DONE]. Open the merged view.',
      },
      responses: {
        name: 'OpenAI Responses stream',
        notes:
          'A Responses stream: typed events with sequence numbers, ending in response.completed.',
      },
      anthropic: {
        name: 'Anthropic Messages stream',
        notes:
          'A Messages stream: a thinking block, text, a tool_use block, usage, then message_stop.',
      },
      gemini: {
        name: 'Gemini stream',
        notes:
          'A streamGenerateContent?alt=sse stream: thought parts, text, a function call, finishReason.',
      },
      failing: {
        name: 'Anthropic stream that fails midway',
        notes: 'Half a reply, then an overloaded_error event: the run status says errored.',
      },
    },
  },
  'zh-CN': {
    workspace: '演示',
    prompt: '用一段话解释 Server-Sent Events。',
    endpoints: {
      clock: {
        name: '时钟',
        notes: '经典演示：先是一个 connecttime 事件，然后每秒发送一次当前时间。',
      },
      counter: {
        name: '计数器',
        notes: '带 ID 的编号事件；重连后从 Last-Event-ID 之后继续。',
      },
      chat: {
        name: '聊天补全 (POST)',
        notes:
          '类似 LLM 的词元流：POST 一个 JSON 提示，词元以 chat.completion.chunk 事件到达，最后是 [DONE]。提示来自工作区变量“prompt”：修改后重新打开即可。',
      },
      flaky: {
        name: '不稳定的连接',
        notes: '每隔几个事件就断开连接：观察重连与续传。',
      },
      burst: { name: '突发 (10 万 × 64 B)', notes: '以套接字能承受的最快速度发送。' },
      openai: {
        name: 'OpenAI 聊天流',
        notes:
          'Chat Completions 流：推理、文本、一次工具调用、用量，最后是 [DONE]。打开合并视图查看。',
      },
      responses: {
        name: 'OpenAI Responses 流',
        notes: 'Responses 流：带序号的类型化事件，以 response.completed 结束。',
      },
      anthropic: {
        name: 'Anthropic Messages 流',
        notes: 'Messages 流：一个思考块、文本、一个 tool_use 块、用量，最后是 message_stop。',
      },
      gemini: {
        name: 'Gemini 流',
        notes: 'streamGenerateContent?alt=sse 流：思考片段、文本、一次函数调用、finishReason。',
      },
      failing: {
        name: '中途失败的 Anthropic 流',
        notes: '回复到一半时收到 overloaded_error 事件：运行状态显示为出错。',
      },
    },
  },
};
